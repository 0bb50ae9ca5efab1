package io.fastagentic.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time of this JVM at one moment, in total and by thread, so that a phase's CPU time
 * can be split between the load generator, the OTLP sink and the application (all the
 * rest: request threads, the fake provider, the export thread, GC and JIT).
 *
 * @param process CPU time of the process, in nanoseconds
 * @param threads CPU time by thread id
 * @param names thread names by id
 */
record CpuSnapshot(long process, Map<Long, Long> threads, Map<Long, String> names) {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	static CpuSnapshot take() {
		Map<Long, Long> threads = new HashMap<>();
		Map<Long, String> names = new HashMap<>();
		long[] ids = THREADS.getAllThreadIds();
		ThreadInfo[] infos = THREADS.getThreadInfo(ids);
		for (int i = 0; i < ids.length; i++) {
			long cpu = THREADS.getThreadCpuTime(ids[i]);
			if (infos[i] != null && cpu >= 0) {
				threads.put(ids[i], cpu);
				names.put(ids[i], infos[i].getThreadName());
			}
		}
		return new CpuSnapshot(OS.getProcessCpuTime(), threads, names);
	}

	/**
	 * The CPU time used since an earlier snapshot.
	 * @param earlier the earlier snapshot
	 * @return the split
	 */
	Usage since(CpuSnapshot earlier) {
		long client = 0;
		long sink = 0;
		for (Map.Entry<Long, Long> thread : this.threads.entrySet()) {
			long used = thread.getValue() - earlier.threads.getOrDefault(thread.getKey(), 0L);
			String name = this.names.get(thread.getKey());
			if (name.startsWith(LoadGenerator.THREAD_PREFIX) || name.startsWith("HttpClient-")) {
				client += used;
			}
			else if (name.startsWith(OtlpSink.THREAD_PREFIX)) {
				sink += used;
			}
		}
		long total = this.process - earlier.process;
		return new Usage(total, client, sink, total - client - sink);
	}

	/**
	 * CPU time of a phase, in nanoseconds.
	 *
	 * @param total the whole JVM
	 * @param client the load generator
	 * @param sink the OTLP sink
	 * @param application everything else
	 */
	record Usage(long total, long client, long sink, long application) {
	}

}
