package io.fastagentic.propagation.http;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link W3cTraceState}, with the cases of the W3C Trace Context test suite.
 */
class W3cTraceStateTests {

	@Test
	void severalHeadersAreCombinedInOrder() {
		assertThat(parse("foo=1,bar=2", "rojo=1,congo=2", "baz=3").asMap()).containsExactly(entry("foo", "1"),
				entry("bar", "2"), entry("rojo", "1"), entry("congo", "2"), entry("baz", "3"));
	}

	@Test
	void emptyHeadersAndMembersAreIgnored() {
		assertThat(parse("foo=1", "").asMap()).containsExactly(entry("foo", "1"));
		assertThat(parse("", "foo=1").asMap()).containsExactly(entry("foo", "1"));
		assertThat(parse(" \t ", ",foo=1,, ,bar=2,").asMap()).containsExactly(entry("foo", "1"), entry("bar", "2"));
		assertThat(parse("").isEmpty()).isTrue();
		assertThat(parse().isEmpty()).isTrue();
	}

	@Test
	void whitespaceAroundMembersIsIgnored() {
		assertThat(parse("foo=1 \t , \t bar=2, \t baz=3").asMap()).containsExactly(entry("foo", "1"), entry("bar", "2"),
				entry("baz", "3"));
		assertThat(parse("\t foo=1 \t").asMap()).containsExactly(entry("foo", "1"));
		assertThat(parse("foo= leading").get("foo")).isEqualTo(" leading");
	}

	@Test
	void repeatedKeyKeepsTheFirstEntryAndTheRest() {
		assertThat(parse("foo=1,bar=2,foo=3").asMap()).containsExactly(entry("foo", "1"), entry("bar", "2"));
		assertThat(parse("foo=1", "foo=2").asMap()).containsExactly(entry("foo", "1"));
	}

	@Test
	void keysFollowTheCurrentGrammar() {
		String lowercaseAndSymbols = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
		assertThat(parse(lowercaseAndSymbols + "=1").get(lowercaseAndSymbols)).isEqualTo("1");
		assertThat(parse("foo@=1,bar=2").asMap()).containsExactly(entry("foo@", "1"), entry("bar", "2"));
		assertThat(parse("foo@@bar=1").get("foo@@bar")).isEqualTo("1");
		assertThat(parse("1vendor=1").get("1vendor")).isEqualTo("1");
		assertThat(parse("t".repeat(242) + "@v=1").size()).isOne();
		assertThat(parse("t@" + "v".repeat(15) + "=1").size()).isOne();
		assertThat(parse("foo=1", "z".repeat(256) + "=1").size()).isEqualTo(2);
	}

	@Test
	void anInvalidMemberDiscardsTheWholeState() {
		for (String invalid : List.of("foo =1", "FOO=1", "foo.bar=1", "@foo=1", "z".repeat(257) + "=1", "foo", "=1",
				"foo=bar=baz", "foo=", "foo=a\tb", "foo=\u00e9", "foo=" + "v".repeat(257))) {
			assertThat(parse("bar=2", invalid).isEmpty()).as(invalid).isTrue();
		}
	}

	@Test
	void atMost32MembersAreAccepted() {
		String first30 = members(1, 30);
		TraceState thirtyTwo = parse(first30, "bar31=31,bar32=32");
		assertThat(thirtyTwo.size()).isEqualTo(32);
		assertThat(thirtyTwo.get("bar01")).isEqualTo("01");
		assertThat(parse(first30, "bar31=31,bar32=32,bar33=33").isEmpty()).isTrue();
		assertThat(parse(first30, "bar31=31,bar32=32,,").size()).isEqualTo(32);
	}

	@Test
	void builderPutsNewAndUpdatedEntriesFirstAndKeeps32() {
		TraceState state = parse(members(1, 32));
		TraceState updated = state.toBuilder().put("bar05", "x").put("new@vendor", "y").remove("bar01").build();
		assertThat(updated.asMap().keySet()).startsWith("new@vendor", "bar05", "bar02").hasSize(31);
		assertThat(updated.asMap()).doesNotContainKey("bar32");
		assertThat(state.toBuilder().put("Invalid", "x").build()).isEqualTo(state);
		assertThat(parse("foo=1").toBuilder().remove("foo").build().isEmpty()).isTrue();
	}

	@Test
	void orderIsPartOfTheState() {
		assertThat(parse("a=1,b=2")).isEqualTo(parse("a=1", "b=2")).isNotEqualTo(parse("b=2,a=1"));
	}

	private static TraceState parse(String... headers) {
		return W3cTraceState.parse(List.of(headers).iterator());
	}

	private static String members(int from, int to) {
		return IntStream.rangeClosed(from, to)
			.mapToObj((i) -> String.format("bar%02d=%02d", i, i))
			.collect(Collectors.joining(","));
	}

}
