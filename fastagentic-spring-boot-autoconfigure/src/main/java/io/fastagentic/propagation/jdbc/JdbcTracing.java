package io.fastagentic.propagation.jdbc;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import net.ttddyy.dsproxy.transform.QueryTransformer;
import net.ttddyy.dsproxy.transform.TransformInfo;
import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;

/**
 * Traces the statements a {@link DataSource} runs, on datasource-proxy: each statement is
 * a {@code jdbc.query} CLIENT span and, with comments on, carries its trace context to
 * the database as a sqlcommenter comment ({@code /*traceparent='00-…-01'*}{@code /}), so
 * database logs and {@code pg_stat_activity} show which trace issued it.
 * <p>
 * The comment is written when the statement text is fixed (when a prepared statement is
 * prepared), so the span starts then and ends when the statement has run; the ids in the
 * comment are that span's. A prepared statement run again gets a span per run, and the
 * comment of its first. Statements run outside any traced work (schema scripts at
 * startup, pool housekeeping) get neither a span nor a comment: they would only be
 * one-span traces.
 *
 * @author FastAgentic
 */
public final class JdbcTracing implements QueryExecutionListener, QueryTransformer {

	private static final JdbcQueryObservationConvention DEFAULT_CONVENTION = new DefaultJdbcQueryObservationConvention();

	private static final String OBSERVATION = JdbcTracing.class.getName() + ".observation";

	private final ObservationRegistry registry;

	private final @Nullable JdbcQueryObservationConvention convention;

	private final ThreadLocal<PreparedQuery> prepared = new ThreadLocal<>();

	private volatile @Nullable String databaseSystem;

	/**
	 * Create the tracing of one data source.
	 * @param registry where observations are made
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public JdbcTracing(ObservationRegistry registry, @Nullable JdbcQueryObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Wrap a data source.
	 * @param dataSource the data source
	 * @param name its name, for example its bean name
	 * @param comment whether statements carry their trace context as a sqlcommenter
	 * comment
	 * @return the traced data source
	 */
	public ProxyDataSource wrap(DataSource dataSource, String name, boolean comment) {
		ProxyDataSourceBuilder builder = ProxyDataSourceBuilder.create(name, dataSource).listener(this);
		if (comment) {
			builder.queryTransformer(this);
		}
		return builder.build();
	}

	@Override
	public String transformQuery(TransformInfo transformInfo) {
		String sql = transformInfo.getQuery();
		Observation observation = start(sql);
		if (observation == null) {
			return sql;
		}
		String traceparent = traceparent(observation);
		if (traceparent == null) {
			observation.stop();
			return sql;
		}
		String commented = sql + " /*traceparent='" + traceparent + "'*/";
		PreparedQuery previous = this.prepared.get();
		if (previous != null) {
			// Prepared but never run: its span ends here rather than leak.
			previous.observation().stop();
		}
		this.prepared.set(new PreparedQuery(commented, observation));
		return commented;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		String sql = queries.isEmpty() ? "" : queries.get(0).getQuery();
		PreparedQuery prepared = this.prepared.get();
		this.prepared.remove();
		Observation observation;
		if (prepared != null && prepared.sql().equals(sql)) {
			observation = prepared.observation();
		}
		else {
			if (prepared != null) {
				prepared.observation().stop();
			}
			observation = start(sql);
		}
		if (observation == null) {
			return;
		}
		((JdbcQueryObservationContext) observation.getContext()).setDatabaseSystem(databaseSystem(execution));
		execution.addCustomValue(OBSERVATION, observation);
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Observation observation = execution.getCustomValue(OBSERVATION, Observation.class);
		if (observation == null) {
			return;
		}
		Throwable failure = execution.getThrowable();
		if (failure != null) {
			observation.error(failure);
		}
		observation.stop();
	}

	private @Nullable Observation start(String sql) {
		if (this.registry.getCurrentObservation() == null) {
			return null;
		}
		JdbcQueryObservationContext context = new JdbcQueryObservationContext(sql);
		return JdbcQueryObservationDocumentation.JDBC_QUERY
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
	}

	private static @Nullable String traceparent(Observation observation) {
		Map<String, String> headers = new HashMap<>(2);
		try (Observation.Scope scope = observation.openScope()) {
			W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
		}
		return headers.get("traceparent");
	}

	private @Nullable String databaseSystem(ExecutionInfo execution) {
		String system = this.databaseSystem;
		if (system == null && execution.getStatement() != null) {
			try {
				system = semanticConventionName(
						execution.getStatement().getConnection().getMetaData().getDatabaseProductName());
				this.databaseSystem = system;
			}
			catch (SQLException ex) {
				return null;
			}
		}
		return system;
	}

	private static String semanticConventionName(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return "postgresql";
		}
		if (name.contains("microsoft")) {
			return "mssql";
		}
		return name.replace(' ', '_');
	}

	private record PreparedQuery(String sql, Observation observation) {
	}

}
