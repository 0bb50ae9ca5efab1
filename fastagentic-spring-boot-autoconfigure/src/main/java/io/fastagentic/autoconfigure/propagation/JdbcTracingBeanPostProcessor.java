package io.fastagentic.autoconfigure.propagation;

import javax.sql.DataSource;

import io.fastagentic.propagation.jdbc.JdbcQueryObservationConvention;
import io.fastagentic.propagation.jdbc.JdbcTracing;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

/**
 * Wraps every {@link DataSource} bean so that its statements are traced and carry their
 * trace context to the database. Static and lazy in what it depends on, so that it can
 * post-process data sources created early.
 *
 * @author FastAgentic
 */
class JdbcTracingBeanPostProcessor implements BeanPostProcessor {

	private static final String JDBC_COMMENT = "fastagentic.otel.propagation.jdbc-comment";

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<JdbcQueryObservationConvention> convention;

	private final Environment environment;

	JdbcTracingBeanPostProcessor(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JdbcQueryObservationConvention> convention, Environment environment) {
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.environment = environment;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			JdbcTracing tracing = new JdbcTracing(
					this.observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					this.convention.getIfAvailable());
			return tracing.wrap(dataSource, beanName, this.environment.getProperty(JDBC_COMMENT, Boolean.class, true));
		}
		return bean;
	}

}
