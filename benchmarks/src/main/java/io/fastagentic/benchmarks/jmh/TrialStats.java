package io.fastagentic.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fastagentic.benchmarks.support.Instrumentation.SpanCounts;

/**
 * What happened to the spans of each trial, written by the (forked) benchmark JVM at the
 * end of a trial and read by {@link JmhMain} for its tables. Without the
 * {@value #PROPERTY} system property nothing is written.
 */
final class TrialStats {

	static final String PROPERTY = "fastagentic.bench.stats";

	private TrialStats() {
	}

	static void record(String key, long operations, SpanCounts counts) {
		String file = System.getProperty(PROPERTY);
		if (file == null) {
			return;
		}
		String line = String.join("\t", key, Long.toString(operations), Long.toString(counts.recorded()),
				Long.toString(counts.sampled()), Long.toString(counts.exported()), Long.toString(counts.dropped()))
				+ "\n";
		try {
			Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Map<String, Stats> read(Path file) throws IOException {
		Map<String, Stats> stats = new HashMap<>();
		if (!Files.exists(file)) {
			return stats;
		}
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (String line : lines) {
			String[] fields = line.split("\t");
			if (fields.length == 6) {
				// One line per trial and pass: the passes add up.
				stats.merge(fields[0],
						new Stats(Long.parseLong(fields[1]), new SpanCounts(Long.parseLong(fields[2]),
								Long.parseLong(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5]))),
						Stats::plus);
			}
		}
		return stats;
	}

	static String key(String benchmark, String... parameters) {
		return benchmark + "|" + String.join("|", parameters);
	}

	record Stats(long operations, SpanCounts counts) {

		Stats plus(Stats other) {
			return new Stats(this.operations + other.operations, new SpanCounts(
					this.counts.recorded() + other.counts.recorded(), this.counts.sampled() + other.counts.sampled(),
					this.counts.exported() + other.counts.exported(), this.counts.dropped() + other.counts.dropped()));
		}

	}

}
