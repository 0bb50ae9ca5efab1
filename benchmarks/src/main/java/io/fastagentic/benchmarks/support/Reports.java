package io.fastagentic.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import com.sun.management.OperatingSystemMXBean;

/**
 * Where the benchmarks' markdown tables go besides standard output, and the machine they
 * ran on.
 */
public final class Reports {

	/**
	 * System property naming a file the tables are appended to (set by
	 * {@code benchmarks/run.sh}).
	 */
	public static final String TABLES_PROPERTY = "fastagentic.bench.tables";

	private Reports() {
	}

	/**
	 * Print tables, and append them to the file of {@value #TABLES_PROPERTY} if set.
	 * @param tables the markdown
	 */
	public static void publish(String tables) {
		System.out.println(tables);
		String file = System.getProperty(TABLES_PROPERTY);
		if (file != null) {
			try {
				Files.writeString(Path.of(file), tables + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * The machine: cores, memory, JDK and OS, and the load average now.
	 * @return a line
	 */
	public static String machine() {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return String.format(Locale.ROOT, "%d cores, %.0f GiB, %s %s (%s), %s %s %s", os.getAvailableProcessors(),
				os.getTotalMemorySize() / (1024.0 * 1024 * 1024), System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
				System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
	}

	/**
	 * The system load average over the last minute.
	 * @return the load average
	 */
	public static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

}
