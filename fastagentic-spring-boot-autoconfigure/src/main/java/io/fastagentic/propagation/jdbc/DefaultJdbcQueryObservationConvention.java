package io.fastagentic.propagation.jdbc;

import io.fastagentic.propagation.jdbc.JdbcQueryObservationDocumentation.HighCardinalityKeyNames;
import io.fastagentic.propagation.jdbc.JdbcQueryObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link JdbcQueryObservationConvention}: metric {@code jdbc.query}, span
 * {@code {operation} {table}} (for example {@code INSERT agent_checkpoint}) with
 * {@code db.system}, {@code db.operation} and the statement without its literals.
 *
 * @author FastAgentic
 */
public class DefaultJdbcQueryObservationConvention implements JdbcQueryObservationConvention {

	private static final String NAME = "jdbc.query";

	private static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JdbcQueryObservationContext context) {
		String operation = SqlStatements.operation(context.getSql());
		String table = SqlStatements.table(context.getSql());
		return (table != null) ? operation + " " + table : operation;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JdbcQueryObservationContext context) {
		return KeyValues.of(dbOperation(context), dbSystem(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(JdbcQueryObservationContext context) {
		return KeyValues.of(dbStatement(context));
	}

	protected KeyValue dbSystem(JdbcQueryObservationContext context) {
		String system = context.getDatabaseSystem();
		return KeyValue.of(LowCardinalityKeyNames.DB_SYSTEM, (system != null) ? system : UNKNOWN);
	}

	protected KeyValue dbOperation(JdbcQueryObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.DB_OPERATION, SqlStatements.operation(context.getSql()));
	}

	protected KeyValue dbStatement(JdbcQueryObservationContext context) {
		return KeyValue.of(HighCardinalityKeyNames.DB_STATEMENT, SqlStatements.withoutLiterals(context.getSql()));
	}

}
