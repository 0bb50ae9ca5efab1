package io.fastagentic.sample;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files of this repository seen from a test, wherever the build runs it (Maven runs the
 * tests of a module in the module's directory).
 */
final class RepositoryFiles {

	private RepositoryFiles() {
	}

	/**
	 * The repository root: the nearest directory upwards with {@code otel-config.yaml}
	 * and {@code e2e}.
	 */
	static Path root() {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			if (Files.isRegularFile(directory.resolve("otel-config.yaml"))
					&& Files.isDirectory(directory.resolve("e2e"))) {
				return directory;
			}
		}
		throw new IllegalStateException(
				"No repository root (otel-config.yaml and e2e/) above " + Path.of("").toAbsolutePath());
	}

	static Path file(String relativePath) {
		return root().resolve(relativePath);
	}

}
