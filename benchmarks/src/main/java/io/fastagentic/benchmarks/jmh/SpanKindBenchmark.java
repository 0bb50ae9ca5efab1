package io.fastagentic.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.fastagentic.benchmarks.fastagentic.FastAgenticInstrumentation;
import io.fastagentic.benchmarks.peer.PlainBootInstrumentation;
import io.fastagentic.benchmarks.support.Instrumentation;
import io.fastagentic.benchmarks.support.Instrumentation.SpanKind;
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
 * Each span kind alone (a root span), by FastAgentic and by its plain Spring Boot peer,
 * at 100 % (and with tracing off on request).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class SpanKindBenchmark {

	@Param({ "HTTP", "AUTH", "POLICY", "AGENT_RUN", "LLM", "TOOL", "CHECKPOINT", "STREAM" })
	public SpanKind kind;

	/**
	 * Who makes the span. JMH orders trials by parameter name, the last varying fastest:
	 * named so, the two implementations of a span kind run back to back, under the same
	 * machine speed.
	 */
	@Param({ "FASTAGENTIC", "PLAIN_BOOT" })
	public Implementation variant;

	/**
	 * Only 100 % by default; {@code -p tracing=OFF,RATE_100} adds tracing off.
	 */
	@Param({ "RATE_100" })
	public TracingMode tracing;

	private Instrumentation instrumentation;

	private long operations;

	@Setup(Level.Trial)
	public void start() {
		this.instrumentation = (this.variant == Implementation.FASTAGENTIC)
				? new FastAgenticInstrumentation(this.tracing) : new PlainBootInstrumentation(this.tracing);
	}

	@Benchmark
	public Object span() throws Exception {
		this.operations++;
		return this.instrumentation.span(this.kind);
	}

	@TearDown(Level.Trial)
	public void stop() {
		TrialStats.record(
				TrialStats.key("SpanKindBenchmark.span", this.kind.name(), this.variant.name(), this.tracing.name()),
				this.operations, this.instrumentation.counts());
		this.instrumentation.close();
	}

	/**
	 * Who makes the span.
	 */
	public enum Implementation {

		/**
		 * FastAgentic.
		 */
		FASTAGENTIC,

		/**
		 * Plain Micrometer observations on stock Spring Boot.
		 */
		PLAIN_BOOT

	}

}
