package io.fastagentic.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time the benchmark JVM used per operation ({@code ·cpu}), in the
 * benchmark's time unit: the benchmark thread, the batch span processor's export thread,
 * the garbage collector and the compiler together. On a shared machine whose other
 * processes take the cores away, wall time per operation swells while CPU time per
 * operation stays what the operation costs; and it counts the background export work that
 * wall time on the benchmark thread does not see.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long cpuAtStart;

	@Override
	public String getDescription() {
		return "process CPU time per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.cpuAtStart = OS.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpuNanos = OS.getProcessCpuTime() - this.cpuAtStart;
		long operations = result.getMetadata().getAllOps();
		if (operations <= 0 || cpuNanos < 0) {
			return List.of();
		}
		TimeUnit unit = benchmarkParams.getTimeUnit();
		double perOperation = cpuNanos / (double) operations / unit.toNanos(1);
		return List.of(new ScalarResult("cpu", perOperation, unitName(unit) + "/op", AggregationPolicy.AVG));
	}

	private static String unitName(TimeUnit unit) {
		return switch (unit) {
			case NANOSECONDS -> "ns";
			case MICROSECONDS -> "us";
			case MILLISECONDS -> "ms";
			default -> unit.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
