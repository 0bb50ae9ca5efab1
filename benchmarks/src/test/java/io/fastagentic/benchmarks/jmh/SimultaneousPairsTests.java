package io.fastagentic.benchmarks.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fastagentic.benchmarks.jmh.SimultaneousPairs.Comparison;
import io.fastagentic.benchmarks.jmh.SimultaneousPairs.Pair;
import io.fastagentic.benchmarks.jmh.SimultaneousPairs.Side;
import io.fastagentic.benchmarks.support.TracingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link SimultaneousPairs}: what it reads from a JMH run's output and the
 * table it makes of the passes.
 */
class SimultaneousPairsTests {

	@TempDir
	Path directory;

	@Test
	void measuredIterationsAreReadNotWarmupOnes() throws Exception {
		Path output = this.directory.resolve("run.txt");
		Files.writeString(output, """
				# Warmup Iteration   1: 704.278 us/op
				# Warmup Iteration   2: 65.611 us/op
				Iteration   1: 45.142 us/op
				                 cpu: 237.781 us/op

				Iteration   2: 44.109 us/op
				""");
		assertThat(SimultaneousPairs.iterations(output)).containsExactly(45.142, 44.109);
	}

	@Test
	void outputWithoutMeasuredIterationsIsAnError() throws Exception {
		Path output = this.directory.resolve("failed.txt");
		Files.writeString(output, "# Warmup Iteration   1: <failure>\n");
		assertThatIllegalStateException().isThrownBy(() -> SimultaneousPairs.iterations(output))
			.withMessageContaining("No measured iteration");
	}

	@Test
	void everyModeIsComparedWithThePeerAndTheRulesWithOnePercentAndOffThenThePeerWithItself() {
		List<Comparison> comparisons = SimultaneousPairs.comparisons(List.of(TracingMode.values()));
		Side peerAt100 = new Side(JmhMain.PLAIN_BOOT_REQUEST, TracingMode.RATE_100);
		assertThat(comparisons.subList(0, 6)).extracting(Comparison::left)
			.allSatisfy((side) -> assertThat(side.benchmark()).isEqualTo(JmhMain.FASTAGENTIC_REQUEST));
		assertThat(comparisons).extracting(Comparison::right)
			.containsExactly(new Side(JmhMain.PLAIN_BOOT_REQUEST, TracingMode.OFF),
					new Side(JmhMain.PLAIN_BOOT_REQUEST, TracingMode.RATE_1),
					new Side(JmhMain.PLAIN_BOOT_REQUEST, TracingMode.RATE_10), peerAt100,
					new Side(JmhMain.FASTAGENTIC_REQUEST, TracingMode.RATE_1),
					new Side(JmhMain.FASTAGENTIC_REQUEST, TracingMode.OFF), peerAt100);
		assertThat(comparisons.get(4).left().mode()).isEqualTo(TracingMode.RATE_1_RULES);
		assertThat(comparisons.get(6).left()).isEqualTo(peerAt100);
		assertThat(comparisons.get(6).label())
			.isEqualTo("control, the same on both cores: plain Boot peer 100 % / itself");
	}

	@Test
	void theControlIsThePeerInTheLastModeItHasAndNoneWithoutOne() {
		assertThat(SimultaneousPairs.comparisons(List.of(TracingMode.RATE_10, TracingMode.OFF))).last()
			.extracting(Comparison::right)
			.isEqualTo(new Side(JmhMain.PLAIN_BOOT_REQUEST, TracingMode.OFF));
		assertThat(SimultaneousPairs.comparisons(List.of(TracingMode.RATE_1_RULES))).extracting(Comparison::label)
			.containsExactly("FastAgentic 1 % + errors + slow / FastAgentic 1 %",
					"FastAgentic 1 % + errors + slow / FastAgentic off");
	}

	@Test
	void tableGivesTheMediansOfThePassesWithTheLowestAndTheHighestRatio() {
		Map<Comparison, List<Pair>> pairs = new LinkedHashMap<>();
		Comparison off = SimultaneousPairs.comparisons(List.of(TracingMode.OFF)).get(0);
		pairs.put(off, List.of(new Pair(50, 50), new Pair(45, 50), new Pair(60, 50)));
		String table = SimultaneousPairs.table(pairs, 3, List.of("-i", "8"));
		assertThat(table).contains("3 pass(es), JMH -i 8")
			.contains(
					"| off: FastAgentic / plain Boot peer | 50.0 | 50.0 | +0.00 | 1.00 (0.90–1.20) | 45.0 / 50.0 = 0.90 |");
	}

}
