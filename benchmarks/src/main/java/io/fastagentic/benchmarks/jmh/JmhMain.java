package io.fastagentic.benchmarks.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.fastagentic.benchmarks.jmh.TrialStats.Stats;
import io.fastagentic.benchmarks.support.Instrumentation.SpanKind;
import io.fastagentic.benchmarks.support.Reports;
import io.fastagentic.benchmarks.support.TracingMode;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks (every JMH command-line option works; the defaults are those of
 * the benchmark annotations) with {@link CpuTimeProfiler}, and prints the results as the
 * markdown tables of the README.
 * <p>
 * On a shared machine another process can slow a whole trial down, so the benchmarks run
 * in {@code --passes=N} passes (3 by default), one after another, and the tables show the
 * median of every measured iteration of every pass: a disturbed pass moves it little. The
 * machine's speed also drifts over minutes: within a pass, FastAgentic's request
 * benchmark and its plain Boot peer run back to back for each tracing mode, the one first
 * in a pass second in the next, so that the two sides of a ratio are measured under the
 * same conditions (JMH alone would run every mode of the one, then every mode of the
 * other).
 */
public final class JmhMain {

	static final String FASTAGENTIC_REQUEST = FastAgenticRequestBenchmark.class.getName() + ".request";

	static final String PLAIN_BOOT_REQUEST = PlainBootRequestBenchmark.class.getName() + ".request";

	/**
	 * JMH's options that take no value.
	 */
	private static final Set<String> NO_VALUE_OPTIONS = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

	private JmhMain() {
	}

	/**
	 * Run the benchmarks.
	 * @param args JMH's command-line options, for example
	 * {@code -f 0 -wi 0 -i 1 -r 100ms} for a smoke run, or a benchmark name pattern
	 * @throws Exception if JMH fails
	 */
	public static void main(String[] args) throws Exception {
		int passes = 3;
		List<String> jmhArgs = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--passes=")) {
				passes = Integer.parseInt(arg.substring("--passes=".length()));
			}
			else {
				jmhArgs.add(arg);
			}
		}
		CommandLineOptions commandLine = new CommandLineOptions(jmhArgs.toArray(String[]::new));
		if (commandLine.shouldHelp() || commandLine.shouldList() || commandLine.shouldListProfilers()
				|| commandLine.shouldListResultFormats() || commandLine.shouldListWithParams()) {
			org.openjdk.jmh.Main.main(args);
			return;
		}
		Path stats = Files.createTempFile("fastagentic-jmh-", ".tsv");
		try {
			if (commandLine.getForkCount().orElse(1) == 0) {
				System.setProperty(TrialStats.PROPERTY, stats.toString());
			}
			String machine = Reports.machine();
			double loadBefore = Reports.loadAverage();
			List<RunResult> results = new ArrayList<>();
			for (int pass = 1; pass <= passes; pass++) {
				System.out.println("# FastAgentic benchmarks: pass " + pass + " of " + passes);
				for (List<String> trial : trials(jmhArgs, pass)) {
					try {
						results.addAll(new Runner(
								new OptionsBuilder().parent(new CommandLineOptions(trial.toArray(String[]::new)))
									.jvmArgsPrepend("-D" + TrialStats.PROPERTY + "=" + stats)
									.addProfiler(CpuTimeProfiler.class)
									.build())
							.run());
					}
					catch (NoBenchmarksException ex) {
						// The patterns select none of this trial's benchmarks.
					}
				}
			}
			System.out.println();
			Reports.publish(String.format(Locale.ROOT,
					"JMH %s, %d pass(es), machine: %s; load average %.1f before, %.1f after.%n%n",
					org.openjdk.jmh.util.Version.getPlainVersion(), passes, machine, loadBefore, Reports.loadAverage())
					+ tables(results, TrialStats.read(stats)));
		}
		finally {
			Files.deleteIfExists(stats);
		}
	}

	/**
	 * The JMH command lines of one pass: for each tracing mode, FastAgentic's request
	 * benchmark and the plain Boot peer's back to back (the peer first in even passes;
	 * the peer has no rules mode), then every other benchmark. The benchmark patterns and
	 * {@code -p mode=} values of the arguments select among these; every other option is
	 * kept.
	 * @param args JMH's command-line options
	 * @param pass the pass, from 1
	 * @return the command lines, in order
	 */
	static List<List<String>> trials(List<String> args, int pass) {
		List<String> options = new ArrayList<>();
		List<String> patterns = new ArrayList<>();
		List<String> modes = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("-")) {
				patterns.add(arg);
			}
			else if (NO_VALUE_OPTIONS.contains(arg) || i + 1 == args.size()) {
				options.add(arg);
			}
			else if (arg.equals("-p") && args.get(i + 1).startsWith("mode=")) {
				modes.addAll(Arrays.asList(args.get(++i).substring("mode=".length()).split(",")));
			}
			else {
				options.add(arg);
				options.add(args.get(++i));
			}
		}
		List<String> requestBenchmarks = new ArrayList<>(List.of(FASTAGENTIC_REQUEST, PLAIN_BOOT_REQUEST));
		if (pass % 2 == 0) {
			Collections.reverse(requestBenchmarks);
		}
		List<List<String>> trials = new ArrayList<>();
		for (TracingMode mode : TracingMode.values()) {
			if (!modes.isEmpty() && !modes.contains(mode.name())) {
				continue;
			}
			for (String benchmark : requestBenchmarks) {
				if (selected(benchmark, patterns)
						&& (mode.hasPlainBootEquivalent() || benchmark.equals(FASTAGENTIC_REQUEST))) {
					trials.add(concat(options,
							List.of("^" + Pattern.quote(benchmark) + "$", "-p", "mode=" + mode.name())));
				}
			}
		}
		List<String> others = new ArrayList<>(options);
		others.addAll(patterns.isEmpty() ? List.of(".*") : patterns);
		others.addAll(List.of("-e", "RequestBenchmark\\.request$"));
		trials.add(others);
		return trials;
	}

	private static boolean selected(String benchmark, List<String> patterns) {
		return patterns.isEmpty()
				|| patterns.stream().anyMatch((pattern) -> Pattern.compile(pattern).matcher(benchmark).find());
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	/**
	 * The markdown tables of some results.
	 * @param results JMH's results
	 * @param stats the span counts of the trials, possibly empty
	 * @return the tables
	 */
	static String tables(Collection<RunResult> results, Map<String, Stats> stats) {
		Map<String, List<RunResult>> byKey = new HashMap<>();
		Map<String, Score> scores = new HashMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			String name = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
			List<String> parameters = new ArrayList<>();
			for (String key : List.of("kind", "variant", "mode", "tracing")) {
				String value = result.getParams().getParam(key);
				if (value != null) {
					parameters.add(value);
				}
			}
			byKey.computeIfAbsent(TrialStats.key(name, parameters.toArray(String[]::new)), (key) -> new ArrayList<>())
				.add(result);
		}
		byKey.forEach((key, runs) -> scores.put(key, Score.of(runs)));
		StringBuilder out = new StringBuilder();
		out.append(
				"Median of the measured iterations of all passes; wall = time per operation on the benchmark thread, ")
			.append("CPU = CPU time of the whole JVM per operation (the batch span processor's export thread, ")
			.append("GC and JIT included).\n\n");
		requestTable(out, scores, byKey, stats);
		spanTable(out, scores, stats);
		return out.toString();
	}

	private static void requestTable(StringBuilder out, Map<String, Score> scores, Map<String, List<RunResult>> runs,
			Map<String, Stats> stats) {
		Score baseline = scores.get(TrialStats.key("HarnessBaselineBenchmark.request"));
		Score fastAgenticOff = scores.get(TrialStats.key("FastAgenticRequestBenchmark.request", "OFF"));
		Score bootOff = scores.get(TrialStats.key("PlainBootRequestBenchmark.request", "OFF"));
		if (fastAgenticOff == null && bootOff == null
				&& scores.keySet().stream().noneMatch((key) -> key.contains("RequestBenchmark"))) {
			return;
		}
		out.append("One request's instrumentation, 8 spans (HTTP, auth.validate, policy.check, agent.run, ")
			.append("tool.call, checkpoint.write, llm.call, stream.emit), µs per request, wall / CPU")
			.append((baseline != null) ? " (harness alone, without filters or spans: " + baseline.format() + ")" : "")
			.append(":\n\n");
		out.append("| tracing | FastAgentic | added vs off | plain Boot peer | added vs off ")
			.append("| FastAgentic / peer | per pass, wall: median (lowest–highest) ")
			.append("| FastAgentic spans per request: recorded / sampled / exported / dropped |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
		for (TracingMode mode : TracingMode.values()) {
			String fastAgenticKey = TrialStats.key("FastAgenticRequestBenchmark.request", mode.name());
			String bootKey = TrialStats.key("PlainBootRequestBenchmark.request", mode.name());
			Score fastAgentic = scores.get(fastAgenticKey);
			Score boot = scores.get(bootKey);
			if (fastAgentic == null && boot == null) {
				continue;
			}
			out.append("| ")
				.append(mode.label())
				.append(" | ")
				.append(Score.format(fastAgentic))
				.append(" | ")
				.append((mode == TracingMode.OFF) ? "" : Score.added(fastAgentic, fastAgenticOff))
				.append(" | ")
				.append(Score.format(boot))
				.append(" | ")
				.append((mode == TracingMode.OFF) ? "" : Score.added(boot, bootOff))
				.append(" | ")
				.append(Score.ratio(fastAgentic, boot))
				.append(" | ")
				.append(passRatios(runs.get(fastAgenticKey), runs.get(bootKey)))
				.append(" | ")
				.append(counts(stats.get(fastAgenticKey)))
				.append(" |\n");
		}
		out.append('\n');
	}

	/**
	 * FastAgentic's time over the peer's in each pass, where the two ran back to back.
	 * @param fastAgentic FastAgentic's trials, one a pass, in pass order
	 * @param peer the peer's trials, likewise
	 * @return the median ratio (wall) of the passes, with the lowest and the highest
	 */
	static String passRatios(@Nullable List<RunResult> fastAgentic, @Nullable List<RunResult> peer) {
		if (fastAgentic == null || peer == null || fastAgentic.size() != peer.size()) {
			return "n/a";
		}
		List<Double> ratios = new ArrayList<>();
		for (int pass = 0; pass < fastAgentic.size(); pass++) {
			ratios.add(Score.of(List.of(fastAgentic.get(pass))).wall() / Score.of(List.of(peer.get(pass))).wall());
		}
		double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", Score.median(ratios), sorted[0],
				sorted[sorted.length - 1]);
	}

	private static void spanTable(StringBuilder out, Map<String, Score> scores, Map<String, Stats> stats) {
		List<TracingMode> modes = Arrays.stream(TracingMode.values())
			.filter((mode) -> scores.keySet()
				.stream()
				.anyMatch((key) -> key.startsWith("SpanKindBenchmark") && key.endsWith("|" + mode.name())))
			.toList();
		for (TracingMode mode : modes) {
			out.append("Each span alone (a root span), tracing ")
				.append(mode.label())
				.append(", ns per span, wall / CPU:\n\n");
			out.append("| span | FastAgentic | plain Boot peer | FastAgentic / peer | sampled spans dropped ")
				.append("(FastAgentic / peer) |\n");
			out.append("|---|---:|---:|---:|---|\n");
			for (SpanKind kind : SpanKind.values()) {
				Score fastAgentic = scores.get(key(kind, "FASTAGENTIC", mode));
				Score boot = scores.get(key(kind, "PLAIN_BOOT", mode));
				if (fastAgentic == null && boot == null) {
					continue;
				}
				out.append("| ")
					.append(spanName(kind))
					.append(" | ")
					.append(Score.format(fastAgentic))
					.append(" | ")
					.append(Score.format(boot))
					.append(" | ")
					.append(Score.ratio(fastAgentic, boot))
					.append(" | ")
					.append(dropped(stats.get(key(kind, "FASTAGENTIC", mode))))
					.append(" / ")
					.append(dropped(stats.get(key(kind, "PLAIN_BOOT", mode))))
					.append(" |\n");
			}
			out.append('\n');
		}
	}

	private static String key(SpanKind kind, String implementation, TracingMode mode) {
		return TrialStats.key("SpanKindBenchmark.span", kind.name(), implementation, mode.name());
	}

	private static String spanName(SpanKind kind) {
		return switch (kind) {
			case HTTP -> "`HTTP POST /chat`";
			case AUTH -> "`auth.validate`";
			case POLICY -> "`policy.check`";
			case AGENT_RUN -> "`agent.run /chat`";
			case LLM -> "`llm.call gpt-4o-mini`";
			case TOOL -> "`tool.call search`";
			case CHECKPOINT -> "`checkpoint.write`";
			case STREAM -> "`stream.emit token`";
		};
	}

	private static String counts(Stats stats) {
		if (stats == null || stats.operations() == 0) {
			return "n/a";
		}
		double operations = stats.operations();
		return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.3f (%,d requests)",
				stats.counts().recorded() / operations, stats.counts().sampled() / operations,
				stats.counts().exported() / operations, stats.counts().dropped() / operations, stats.operations());
	}

	private static String dropped(Stats stats) {
		if (stats == null || stats.counts().sampled() == 0) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.2f %%", 100.0 * stats.counts().dropped() / stats.counts().sampled());
	}

	static String number(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		double magnitude = Math.abs(value);
		String pattern = (magnitude >= 100) ? "%.0f" : (magnitude >= 10) ? "%.1f" : "%.2f";
		return String.format(Locale.ROOT, pattern, value);
	}

	/**
	 * Medians of a trial's measured iterations.
	 *
	 * @param wall time per operation on the benchmark thread
	 * @param cpu CPU time of the JVM per operation, {@code NaN} without the profiler
	 */
	record Score(double wall, double cpu) {

		static Score of(List<RunResult> results) {
			List<Double> wall = new ArrayList<>();
			List<Double> cpu = new ArrayList<>();
			for (BenchmarkResult benchmark : results.stream()
				.flatMap((result) -> result.getBenchmarkResults().stream())
				.toList()) {
				for (IterationResult iteration : benchmark.getIterationResults()) {
					wall.add(iteration.getPrimaryResult().getScore());
					Result<?> secondary = iteration.getSecondaryResults().get("cpu");
					if (secondary != null) {
						cpu.add(secondary.getScore());
					}
				}
			}
			return new Score(median(wall), median(cpu));
		}

		static double median(List<Double> values) {
			if (values.isEmpty()) {
				return Double.NaN;
			}
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

		String format() {
			return number(this.wall) + " / " + number(this.cpu);
		}

		static String format(Score score) {
			return (score != null) ? score.format() : "n/a";
		}

		static String added(Score score, Score off) {
			if (score == null || off == null) {
				return "n/a";
			}
			return signed(score.wall - off.wall) + " / " + signed(score.cpu - off.cpu);
		}

		static String ratio(Score score, Score peer) {
			if (score == null || peer == null) {
				return "n/a";
			}
			return String.format(Locale.ROOT, "%.2f / %.2f", score.wall / peer.wall, score.cpu / peer.cpu);
		}

		private static String signed(double value) {
			return Double.isNaN(value) ? "n/a" : ((value >= 0) ? "+" : "") + number(value);
		}

	}

}
