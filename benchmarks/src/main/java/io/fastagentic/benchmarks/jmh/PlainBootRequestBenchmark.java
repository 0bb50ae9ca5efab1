package io.fastagentic.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.fastagentic.benchmarks.peer.PlainBootInstrumentation;
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
 * The peer of {@link FastAgenticRequestBenchmark}: the same 8 spans, with the same key
 * values, made with plain {@code Observation.createNotStarted} on stock Spring Boot
 * tracing (FastAgentic's auto-configurations excluded).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class PlainBootRequestBenchmark {

	@Param({ "OFF", "RATE_1", "RATE_10", "RATE_100" })
	public TracingMode mode;

	private PlainBootInstrumentation instrumentation;

	private long operations;

	@Setup(Level.Trial)
	public void start() {
		this.instrumentation = new PlainBootInstrumentation(this.mode);
	}

	@Benchmark
	public Object request() throws Exception {
		this.operations++;
		return this.instrumentation.request();
	}

	@TearDown(Level.Trial)
	public void stop() {
		TrialStats.record(TrialStats.key("PlainBootRequestBenchmark.request", this.mode.name()), this.operations,
				this.instrumentation.counts());
		this.instrumentation.close();
	}

}
