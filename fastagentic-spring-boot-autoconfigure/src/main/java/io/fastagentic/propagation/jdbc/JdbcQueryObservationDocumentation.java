package io.fastagentic.propagation.jdbc;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code jdbc.query} observation: one SQL statement sent to the database, a CLIENT
 * span.
 *
 * @author FastAgentic
 */
public enum JdbcQueryObservationDocumentation implements ObservationDocumentation {

	/**
	 * One statement, from the moment its text is fixed to the end of its execution.
	 */
	JDBC_QUERY {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultJdbcQueryObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys recorded on spans and metrics.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The database product, for example {@code h2} or {@code postgresql}.
		 */
		DB_SYSTEM("db.system"),

		/**
		 * The SQL operation, for example {@code SELECT} or {@code INSERT}.
		 */
		DB_OPERATION("db.operation");

		private final String key;

		LowCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

	/**
	 * Keys recorded on spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The statement with its string and number literals replaced by {@code ?}.
		 */
		DB_STATEMENT("db.statement");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
