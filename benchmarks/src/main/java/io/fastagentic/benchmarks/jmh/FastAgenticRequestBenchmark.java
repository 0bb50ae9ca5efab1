package io.fastagentic.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.fastagentic.benchmarks.fastagentic.FastAgenticInstrumentation;
import io.fastagentic.benchmarks.support.TracingMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One agent request's whole instrumentation by FastAgentic (8 spans: HTTP,
 * {@code auth.validate}, {@code policy.check}, {@code agent.run}, {@code tool.call},
 * {@code checkpoint.write}, {@code llm.call}, {@code stream.emit}) through the servlet
 * filters of a real application context, in each tracing mode.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class FastAgenticRequestBenchmark {

	@Param({ "OFF", "RATE_1", "RATE_10", "RATE_100", "RATE_1_RULES" })
	public TracingMode mode;

	private FastAgenticInstrumentation instrumentation;

	private long operations;

	@Setup(Level.Trial)
	public void start() {
		this.instrumentation = new FastAgenticInstrumentation(this.mode);
	}

	@Benchmark
	public Object request() throws Exception {
		this.operations++;
		return this.instrumentation.request();
	}

	@TearDown(Level.Trial)
	public void stop() {
		TrialStats.record(TrialStats.key("FastAgenticRequestBenchmark.request", this.mode.name()), this.operations,
				this.instrumentation.counts());
		this.instrumentation.close();
	}

}
