package io.fastagentic.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fastagentic.benchmarks.support.Reports;
import io.fastagentic.benchmarks.support.TracingMode;

/**
 * Two request benchmarks measured at the same time: for each comparison and pass, two
 * JVMs start together, each pinned to one of the machine's two cores ({@code taskset}),
 * the cores swapped from one pass to the next. On a shared virtual machine whose speed
 * moves from second to second, two trials run one after the other meet different speeds
 * (one request's time moved by ±25 % between one-second iterations here); two trials run
 * side by side meet the same. A pass compares the two sides' median iterations; the table
 * gives the median of the passes, with the lowest and the highest ratio, and the fastest
 * pass of each side (noise only adds time).
 * <p>
 * The comparisons: FastAgentic against the plain Boot peer in every mode the peer has,
 * FastAgentic's sampling rules (1 % + errors + slow) against FastAgentic at 1 % and with
 * tracing off, which is what the rules add, and a control: the peer against itself in the
 * last of those modes, the same code on both cores, whose ratios are the noise of a ratio
 * on this machine (how far from 1.00 a ratio of equals goes).
 * <p>
 * Each JVM sees one core, so the JVM's ergonomics choose the serial collector and one
 * compiler thread for both sides alike; the µs are therefore not those of
 * {@link JmhMain}'s two-core trials, only the differences and ratios compare.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.fastagentic.benchmarks.jmh.SimultaneousPairs --passes=5 --modes=OFF,RATE_100 -wi 30 -w 2 -i 10 -r 1
 * </pre>
 *
 * Options: {@code --passes=N} (5), {@code --modes=} (every mode; a mode without a peer is
 * compared with FastAgentic at 1 % and off), then JMH options for both sides (by default
 * {@code -wi 30 -w 2 -i 10 -r 1}).
 */
public final class SimultaneousPairs {

	private static final Pattern ITERATION = Pattern.compile("^Iteration\\s+\\d+: ([0-9.]+) us/op", Pattern.MULTILINE);

	private static final List<String> DEFAULT_OPTIONS = List.of("-wi", "30", "-w", "2", "-i", "10", "-r", "1");

	private SimultaneousPairs() {
	}

	/**
	 * Run the comparisons and print their table.
	 * @param args the options
	 * @throws Exception if a JVM cannot be started or fails
	 */
	public static void main(String[] args) throws Exception {
		int passes = 5;
		List<TracingMode> modes = Arrays.asList(TracingMode.values());
		List<String> options = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--passes=")) {
				passes = Integer.parseInt(arg.substring("--passes=".length()));
			}
			else if (arg.startsWith("--modes=")) {
				modes = Arrays.stream(arg.substring("--modes=".length()).split(",")).map(TracingMode::valueOf).toList();
			}
			else {
				options.add(arg);
			}
		}
		if (options.isEmpty()) {
			options.addAll(DEFAULT_OPTIONS);
		}
		Map<Comparison, List<Pair>> pairs = new LinkedHashMap<>();
		for (int pass = 1; pass <= passes; pass++) {
			for (Comparison comparison : comparisons(modes)) {
				Pair pair = measure(comparison, pass % 2 == 0, options);
				System.out.printf(Locale.ROOT, "# pass %d, %s: %.1f µs against %.1f µs, ratio %.2f%n", pass,
						comparison.label(), pair.left(), pair.right(), pair.ratio());
				pairs.computeIfAbsent(comparison, (key) -> new ArrayList<>()).add(pair);
			}
		}
		Reports.publish(table(pairs, passes, options));
	}

	static List<Comparison> comparisons(List<TracingMode> modes) {
		List<Comparison> comparisons = new ArrayList<>();
		TracingMode control = null;
		for (TracingMode mode : modes) {
			if (mode.hasPlainBootEquivalent()) {
				comparisons.add(new Comparison(mode.label() + ": FastAgentic / plain Boot peer",
						new Side(JmhMain.FASTAGENTIC_REQUEST, mode), new Side(JmhMain.PLAIN_BOOT_REQUEST, mode)));
				control = mode;
			}
			else {
				for (TracingMode baseline : List.of(TracingMode.RATE_1, TracingMode.OFF)) {
					comparisons.add(new Comparison("FastAgentic " + mode.label() + " / FastAgentic " + baseline.label(),
							new Side(JmhMain.FASTAGENTIC_REQUEST, mode),
							new Side(JmhMain.FASTAGENTIC_REQUEST, baseline)));
				}
			}
		}
		if (control != null) {
			Side peer = new Side(JmhMain.PLAIN_BOOT_REQUEST, control);
			comparisons.add(new Comparison(
					"control, the same on both cores: plain Boot peer " + control.label() + " / itself", peer, peer));
		}
		return comparisons;
	}

	private static Pair measure(Comparison comparison, boolean swapCores, List<String> options)
			throws IOException, InterruptedException {
		Path leftOutput = Files.createTempFile("fastagentic-pair-", ".txt");
		Path rightOutput = Files.createTempFile("fastagentic-pair-", ".txt");
		try {
			Process left = start(comparison.left(), swapCores ? 1 : 0, options, leftOutput);
			Process right = start(comparison.right(), swapCores ? 0 : 1, options, rightOutput);
			int leftExit = left.waitFor();
			int rightExit = right.waitFor();
			if (leftExit != 0 || rightExit != 0) {
				throw new IllegalStateException("A benchmark JVM failed (exit " + leftExit + " / " + rightExit
						+ "), see " + leftOutput + " and " + rightOutput);
			}
			Pair pair = new Pair(median(iterations(leftOutput)), median(iterations(rightOutput)));
			Files.delete(leftOutput);
			Files.delete(rightOutput);
			return pair;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.err.println("Outputs kept: " + leftOutput + ", " + rightOutput);
			throw ex;
		}
	}

	private static Process start(Side side, int core, List<String> options, Path output) throws IOException {
		List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(core),
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g",
				// Two JMH runs at once, on purpose.
				"-Djmh.ignoreLock=true", "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main",
				"^" + Pattern.quote(side.benchmark()) + "$", "-p", "mode=" + side.mode().name(), "-f", "0"));
		command.addAll(options);
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
	}

	static List<Double> iterations(Path output) throws IOException {
		Matcher matcher = ITERATION.matcher(Files.readString(output));
		List<Double> scores = new ArrayList<>();
		while (matcher.find()) {
			scores.add(Double.parseDouble(matcher.group(1)));
		}
		if (scores.isEmpty()) {
			throw new IllegalStateException("No measured iteration in " + output);
		}
		return scores;
	}

	static String table(Map<Comparison, List<Pair>> pairs, int passes, List<String> options) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT,
				"Two request benchmarks side by side, one core each (cores swapped every pass), %d pass(es), "
						+ "JMH %s; µs per request, wall, medians of the passes:%n%n",
				passes, String.join(" ", options)));
		out.append("| comparison | first | second | first − second | first / second, per pass: median ")
			.append("(lowest–highest) | fastest pass of each: first / second |\n");
		out.append("|---|---:|---:|---:|---:|---:|\n");
		pairs.forEach((comparison, measured) -> {
			List<Double> ratios = measured.stream().map(Pair::ratio).sorted().toList();
			double difference = median(measured.stream().map((pair) -> pair.left() - pair.right()).toList());
			// Noise only adds time: the fastest pass of each side is the least disturbed.
			double fastestLeft = measured.stream().mapToDouble(Pair::left).min().orElseThrow();
			double fastestRight = measured.stream().mapToDouble(Pair::right).min().orElseThrow();
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s%s | %.2f (%.2f–%.2f) | %s / %s = %.2f |%n",
					comparison.label(), JmhMain.number(median(measured.stream().map(Pair::left).toList())),
					JmhMain.number(median(measured.stream().map(Pair::right).toList())), (difference >= 0) ? "+" : "",
					JmhMain.number(difference), median(ratios), ratios.get(0), ratios.get(ratios.size() - 1),
					JmhMain.number(fastestLeft), JmhMain.number(fastestRight), fastestLeft / fastestRight));
		});
		return out.append('\n').toString();
	}

	private static double median(List<Double> values) {
		return JmhMain.Score.median(values);
	}

	/**
	 * One side of a comparison.
	 *
	 * @param benchmark the request benchmark's name
	 * @param mode its tracing mode
	 */
	record Side(String benchmark, TracingMode mode) {
	}

	/**
	 * Two sides measured together.
	 *
	 * @param label how the table names it
	 * @param left the first side
	 * @param right the second side
	 */
	record Comparison(String label, Side left, Side right) {
	}

	/**
	 * The medians of one pass, side by side.
	 *
	 * @param left the first side's median iteration, µs per request
	 * @param right the second side's
	 */
	record Pair(double left, double right) {

		double ratio() {
			return this.left / this.right;
		}

	}

}
