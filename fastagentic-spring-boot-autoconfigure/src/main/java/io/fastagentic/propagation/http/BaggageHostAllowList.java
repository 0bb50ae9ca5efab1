package io.fastagentic.propagation.http;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The hosts that may receive baggage ({@code run_id}, {@code user_id}, ...). Baggage
 * identifies users, so by default no host gets it: outgoing requests carry the trace
 * context only. Entries are host names ({@code tools.internal}) or suffix wildcards
 * ({@code *.internal}, which matches {@code a.internal} but not {@code internal}).
 *
 * @author FastAgentic
 */
public final class BaggageHostAllowList {

	private final List<String> exactHosts;

	private final List<String> suffixes;

	private BaggageHostAllowList(List<String> entries) {
		this.exactHosts = entries.stream()
			.filter((entry) -> !entry.startsWith("*."))
			.map((entry) -> entry.toLowerCase(Locale.ROOT))
			.toList();
		this.suffixes = entries.stream()
			.filter((entry) -> entry.startsWith("*."))
			.map((entry) -> entry.substring(1).toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * An allow-list.
	 * @param entries host names and {@code *.suffix} wildcards
	 * @return the allow-list
	 */
	public static BaggageHostAllowList of(List<String> entries) {
		return new BaggageHostAllowList(entries);
	}

	/**
	 * Whether a host may receive baggage.
	 * @param host the host name, or {@code null} when unknown
	 * @return whether it is allowed
	 */
	public boolean allows(@Nullable String host) {
		if (host == null || (this.exactHosts.isEmpty() && this.suffixes.isEmpty())) {
			return false;
		}
		String normalized = host.toLowerCase(Locale.ROOT);
		if (this.exactHosts.contains(normalized)) {
			return true;
		}
		for (String suffix : this.suffixes) {
			if (normalized.endsWith(suffix) && normalized.length() > suffix.length()) {
				return true;
			}
		}
		return false;
	}

}
