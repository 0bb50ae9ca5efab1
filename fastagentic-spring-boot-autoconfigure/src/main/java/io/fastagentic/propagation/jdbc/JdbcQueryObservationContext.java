package io.fastagentic.propagation.jdbc;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

/**
 * Context of a {@code jdbc.query} observation. A sender context, so that the span is a
 * CLIENT span; its carrier receives the trace context the tracing handler writes as the
 * span starts, from which the statement's sqlcommenter comment is taken.
 *
 * @author FastAgentic
 */
public class JdbcQueryObservationContext extends SenderContext<Map<String, String>> {

	private final String sql;

	private @Nullable String databaseSystem;

	/**
	 * Create a context.
	 * @param sql the statement as the application wrote it
	 */
	public JdbcQueryObservationContext(String sql) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		}, Kind.CLIENT);
		setCarrier(new HashMap<>());
		this.sql = sql;
	}

	/**
	 * The statement as the application wrote it, literals included; never exported as it
	 * is.
	 * @return the SQL
	 */
	public String getSql() {
		return this.sql;
	}

	/**
	 * The database product, once known.
	 * @return for example {@code h2}, or {@code null}
	 */
	public @Nullable String getDatabaseSystem() {
		return this.databaseSystem;
	}

	void setDatabaseSystem(@Nullable String databaseSystem) {
		this.databaseSystem = databaseSystem;
	}

}
