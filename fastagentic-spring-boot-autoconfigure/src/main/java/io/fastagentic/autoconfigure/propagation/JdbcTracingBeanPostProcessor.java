package io.fastagentic.autoconfigure.propagation;

import javax.sql.DataSource;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelProperties;
import io.fastagentic.propagation.jdbc.JdbcQueryObservationConvention;
import io.fastagentic.propagation.jdbc.JdbcTracing;
import io.micrometer.observation.ObservationRegistry;
import net.ttddyy.dsproxy.support.ProxyDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean so that its statements are traced and carry their
 * trace context to the database. Static and lazy in what it depends on, so that it can
 * post-process data sources created early.
 *
 * @author FastAgentic
 */
class JdbcTracingBeanPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<JdbcQueryObservationConvention> convention;

	private final ObjectProvider<FastAgenticOtelProperties> properties;

	JdbcTracingBeanPostProcessor(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JdbcQueryObservationConvention> convention,
			ObjectProvider<FastAgenticOtelProperties> properties) {
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			JdbcTracing tracing = new JdbcTracing(
					this.observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					this.convention.getIfAvailable());
			return tracing.wrap(dataSource, beanName, this.properties.getObject().getPropagation().isJdbcComment());
		}
		return bean;
	}

}
