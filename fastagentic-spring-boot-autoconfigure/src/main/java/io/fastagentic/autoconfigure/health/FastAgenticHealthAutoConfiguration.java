package io.fastagentic.autoconfigure.health;

import java.util.Locale;

import io.fastagentic.autoconfigure.otel.FastAgenticOtelAutoConfiguration;
import io.fastagentic.autoconfigure.sampling.FastAgenticSamplingAutoConfiguration;
import io.fastagentic.export.SpanExportMonitor;
import io.fastagentic.health.SpanExportHealthIndicator;
import io.fastagentic.sampling.SamplingMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the trace export health indicator, shown as {@code fastagentic}
 * under {@code /actuator/health}. Disabled with
 * {@code management.health.fastagentic.enabled=false}.
 *
 * @author FastAgentic
 */
@AutoConfiguration(after = { FastAgenticOtelAutoConfiguration.class, FastAgenticSamplingAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SpanExportMonitor.class)
@ConditionalOnEnabledHealthIndicator("fastagentic")
@EnableConfigurationProperties(FastAgenticHealthProperties.class)
public final class FastAgenticHealthAutoConfiguration {

	FastAgenticHealthAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "fastagenticHealthIndicator")
	SpanExportHealthIndicator fastagenticHealthIndicator(SpanExportMonitor monitor,
			ObjectProvider<SamplingMonitor> sampling, FastAgenticHealthProperties properties) {
		double maxDropRatio = properties.getMaxDropRatio();
		if (!(maxDropRatio >= 0 && maxDropRatio <= 1)) {
			throw new IllegalArgumentException(
					"fastagentic.health.max-drop-ratio (FASTAGENTIC_HEALTH_MAX_DROP_RATIO) must be between 0 and 1, was "
							+ maxDropRatio);
		}
		String failingStatus = properties.getFailingStatus().trim().toUpperCase(Locale.ROOT);
		return new SpanExportHealthIndicator(monitor, sampling.getIfAvailable(), properties.getOutageAfter(),
				maxDropRatio, SpanExportHealthIndicator.DEGRADED.getCode().equals(failingStatus)
						? SpanExportHealthIndicator.DEGRADED : new Status(failingStatus));
	}

}
