package io.fastagentic.observation.agent;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates run ids: {@code run-} followed by a random (version 4) UUID. The random bits
 * come from {@link ThreadLocalRandom}, which never blocks and never contends: a run id
 * identifies a run, it is not a secret.
 *
 * @author FastAgentic
 */
final class RunIds {

	private static final String PREFIX = "run-";

	private RunIds() {
	}

	static String next() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
		long leastSignificant = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return PREFIX + new UUID(mostSignificant, leastSignificant);
	}

}
