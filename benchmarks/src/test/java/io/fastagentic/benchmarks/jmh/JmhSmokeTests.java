package io.fastagentic.benchmarks.jmh;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the JMH benchmarks compiling and running: each benchmark once, one short
 * iteration, in this JVM ({@code -f 0 -wi 0 -i 1 -r 100ms}). Asserts that results exist,
 * never how fast anything is.
 */
class JmhSmokeTests {

	@Test
	void everyBenchmarkRuns() throws Exception {
		List<RunResult> results = new ArrayList<>();
		results.addAll(
				run(smoke().include("FastAgenticRequestBenchmark|PlainBootRequestBenchmark|HarnessBaselineBenchmark")));
		// Each span kind of both implementations, in one mode: tracing off is covered
		// above.
		results.addAll(run(smoke().include("SpanKindBenchmark").param("tracing", "RATE_100")));
		assertThat(results).allSatisfy((result) -> assertThat(result.getPrimaryResult().getSampleCount()).isPositive());
		assertThat(results).extracting((result) -> result.getParams().getBenchmark())
			.contains("io.fastagentic.benchmarks.jmh.FastAgenticRequestBenchmark.request",
					"io.fastagentic.benchmarks.jmh.PlainBootRequestBenchmark.request",
					"io.fastagentic.benchmarks.jmh.SpanKindBenchmark.span",
					"io.fastagentic.benchmarks.jmh.HarnessBaselineBenchmark.request");
		assertThat(results).hasSize(5 + 4 + 1 + 8 * 2);
		String tables = JmhMain.tables(results, Map.of());
		assertThat(tables).contains("| 100 % |", "| `llm.call gpt-4o-mini` |", "| 1 % + errors + slow |");
		// One pass: its ratio is the median, the lowest and the highest.
		assertThat(tables).containsPattern("\\| 100 % \\|[^\\n]*\\| (\\d+\\.\\d\\d) \\(\\1–\\1\\) \\|");
	}

	private static ChainedOptionsBuilder smoke() {
		return new OptionsBuilder().forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(100))
			.addProfiler(CpuTimeProfiler.class)
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT);
	}

	private static Collection<RunResult> run(ChainedOptionsBuilder options) throws Exception {
		return new Runner(options.build()).run();
	}

}
