package io.fastagentic.propagation.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import javax.sql.DataSource;

/**
 * Traces the statements a {@link DataSource} runs, on datasource-proxy: each statement is
 * a {@code jdbc.query} CLIENT span and, with comments on, carries its trace context to
 * the database as a sqlcommenter comment ({@code /*traceparent='00-…-01'*}{@code /}), so
 * database logs and {@code pg_stat_activity} show which trace issued it.
 * <p>
 * The comment is written when the statement text is fixed: when a prepared statement is
 * prepared, or when a plain statement is run. The span starts then, so that the comment
 * carries the ids of the span that runs the statement, and ends when the statement has
 * run. Until it runs, the span waits with the statement it belongs to (never on a
 * thread): it is taken when the statement runs, ended when the statement is closed
 * without running, and dropped with the statement if it is neither. A prepared statement
 * run again gets a span per run, and the comment of its first. Statements run outside any
 * traced work (schema scripts at startup, pool housekeeping) get neither a span nor a
 * comment: they would only be one-span traces.
 * <p>
 * The comment's {@code traceparent} is the one Micrometer's tracing handler writes into
 * the observation's carrier as it starts the span, with the application's propagators;
 * only when those write no W3C header is it written for the comment alone.
 *
 * @author FastAgentic
 */
public final class JdbcTracing implements QueryExecutionListener, MethodExecutionListener {

	private static final JdbcQueryObservationConvention DEFAULT_CONVENTION = new DefaultJdbcQueryObservationConvention();

	private static final String OBSERVATION = JdbcTracing.class.getName() + ".observation";

	private static final String TRACEPARENT = "traceparent";

	private static final Set<String> PREPARE_METHODS = Set.of("prepareStatement", "prepareCall");

	private static final Set<String> EXECUTE_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate");

	private final ObservationRegistry registry;

	private final @Nullable JdbcQueryObservationConvention convention;

	/**
	 * Spans started for a statement's comment, waiting for the statement to run.
	 */
	private final Map<Statement, Observation> waitingForExecution = Collections.synchronizedMap(new WeakHashMap<>());

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
			builder.methodListener(this);
		}
		return builder.build();
	}

	@Override
	public void beforeMethod(MethodExecutionContext method) {
		Object[] arguments = method.getMethodArgs();
		if (arguments == null || arguments.length == 0 || !(arguments[0] instanceof String sql)
				|| !fixesStatementText(method)) {
			return;
		}
		Observation observation = start(sql);
		if (observation == null) {
			return;
		}
		String traceparent = traceparent(observation);
		if (traceparent != null) {
			arguments[0] = sql + " /*traceparent='" + traceparent + "'*/";
		}
		method.addCustomValue(OBSERVATION, observation);
		if (method.getTarget() instanceof Statement statement) {
			// A plain statement runs within this very call.
			this.waitingForExecution.put(statement, observation);
		}
	}

	private static boolean fixesStatementText(MethodExecutionContext method) {
		Object target = method.getTarget();
		String name = method.getMethod().getName();
		return (target instanceof Connection && PREPARE_METHODS.contains(name)) || (target instanceof Statement
				&& !(target instanceof PreparedStatement) && EXECUTE_METHODS.contains(name));
	}

	@Override
	public void afterMethod(MethodExecutionContext method) {
		Observation observation = method.getCustomValue(OBSERVATION, Observation.class);
		Object target = method.getTarget();
		if (target instanceof Connection) {
			if (observation != null && method.getThrown() == null && method.getResult() instanceof ProxyJdbcObject proxy
					&& proxy.getTarget() instanceof Statement statement) {
				this.waitingForExecution.put(statement, observation);
			}
			else if (observation != null) {
				stop(observation, method.getThrown());
			}
		}
		else if (target instanceof Statement statement
				&& (observation != null || "close".equals(method.getMethod().getName()))) {
			// Prepared or started, but never run.
			Observation unrun = this.waitingForExecution.remove(statement);
			if (unrun != null) {
				stop(unrun, method.getThrown());
			}
		}
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		Statement statement = execution.getStatement();
		Observation observation = (statement != null) ? this.waitingForExecution.remove(statement) : null;
		if (observation == null) {
			observation = start(queries.isEmpty() ? "" : queries.get(0).getQuery());
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
		if (observation != null) {
			stop(observation, execution.getThrowable());
		}
	}

	private static void stop(Observation observation, @Nullable Throwable failure) {
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
		Map<String, String> carrier = ((JdbcQueryObservationContext) observation.getContext()).getCarrier();
		if (carrier == null) {
			return null;
		}
		if (!carrier.containsKey(TRACEPARENT)) {
			// The application writes no W3C header: the comment still speaks
			// sqlcommenter's.
			try (Observation.Scope scope = observation.openScope()) {
				W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
			}
		}
		return carrier.get(TRACEPARENT);
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

}
