package io.fastagentic.benchmarks.load;

import io.fastagentic.benchmarks.support.SpanCounter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Added to the sample application in the load run, in every mode alike: a span processor
 * that counts the spans the SDK records.
 */
@Configuration(proxyBeanMethods = false)
class LoadRunSupport {

	@Bean
	SpanCounter loadRunSpanCounter() {
		return new SpanCounter();
	}

}
