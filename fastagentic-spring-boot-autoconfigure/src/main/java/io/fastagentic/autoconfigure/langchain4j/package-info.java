/**
 * Auto-configuration of the LangChain4j adapter.
 */
@NullMarked
package io.fastagentic.autoconfigure.langchain4j;

import org.jspecify.annotations.NullMarked;
