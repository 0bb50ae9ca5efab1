/**
 * Trace context on JDBC: a span per statement and a sqlcommenter comment carrying its ids
 * to the database.
 */
@NullMarked
package io.fastagentic.propagation.jdbc;

import org.jspecify.annotations.NullMarked;
