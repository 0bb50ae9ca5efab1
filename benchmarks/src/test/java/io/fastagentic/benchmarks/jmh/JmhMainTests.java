package io.fastagentic.benchmarks.jmh;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JmhMain}'s order of trials.
 */
class JmhMainTests {

	private static final String FASTAGENTIC = "^\\Qio.fastagentic.benchmarks.jmh.FastAgenticRequestBenchmark.request\\E$";

	private static final String PEER = "^\\Qio.fastagentic.benchmarks.jmh.PlainBootRequestBenchmark.request\\E$";

	@Test
	void eachModeRunsBothImplementationsBackToBackThenTheOtherBenchmarks() {
		List<List<String>> trials = JmhMain.trials(List.of("-f", "2", "-prof", "gc"), 1);
		assertThat(trials).hasSize(10);
		assertThat(trials.subList(0, 9)).extracting((trial) -> trial.get(4) + " " + trial.get(6))
			.containsExactly(FASTAGENTIC + " mode=OFF", PEER + " mode=OFF", FASTAGENTIC + " mode=RATE_1",
					PEER + " mode=RATE_1", FASTAGENTIC + " mode=RATE_10", PEER + " mode=RATE_10",
					FASTAGENTIC + " mode=RATE_100", PEER + " mode=RATE_100", FASTAGENTIC + " mode=RATE_1_RULES");
		assertThat(trials.get(0)).startsWith("-f", "2", "-prof", "gc");
		assertThat(trials.get(9)).containsExactly("-f", "2", "-prof", "gc", ".*", "-e", "RequestBenchmark\\.request$");
	}

	@Test
	void thePeerGoesFirstInEvenPasses() {
		List<List<String>> trials = JmhMain.trials(List.of(), 2);
		assertThat(trials.get(0)).containsExactly(PEER, "-p", "mode=OFF");
		assertThat(trials.get(1)).containsExactly(FASTAGENTIC, "-p", "mode=OFF");
	}

	@Test
	void patternsAndModesOfTheArgumentsSelect() {
		assertThat(JmhMain.trials(List.of("SpanKindBenchmark", "-p", "tracing=RATE_100"), 1)).containsExactly(
				List.of("-p", "tracing=RATE_100", "SpanKindBenchmark", "-e", "RequestBenchmark\\.request$"));
		assertThat(JmhMain.trials(List.of("FastAgenticRequestBenchmark", "-p", "mode=OFF,RATE_1_RULES"), 1))
			.containsExactly(List.of(FASTAGENTIC, "-p", "mode=OFF"), List.of(FASTAGENTIC, "-p", "mode=RATE_1_RULES"),
					List.of("FastAgenticRequestBenchmark", "-e", "RequestBenchmark\\.request$"));
	}

}
