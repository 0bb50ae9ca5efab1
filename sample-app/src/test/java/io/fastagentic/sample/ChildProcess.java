package io.fastagentic.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A program the end-to-end tests run next to the application (the collector, Jaeger), its
 * output in a log file; {@link #close()} stops it, forcibly if it does not stop in time.
 */
final class ChildProcess implements AutoCloseable {

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final String name;

	private final Process process;

	private final Path log;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a program, its standard output and error going to {@code log}.
	 */
	static ChildProcess start(String name, Path log, List<String> command) throws IOException {
		return start(name, log, command, Map.of());
	}

	/**
	 * Starts a program with variables added to this process's environment, its standard
	 * output and error appended to {@code log} (a program started again keeps one log).
	 */
	static ChildProcess start(String name, Path log, List<String> command, Map<String, String> environment)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		return new ChildProcess(name, builder.start(), log);
	}

	/**
	 * Free TCP ports on the loopback interface, distinct from each other.
	 */
	static int[] freePorts(int count) throws IOException {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
			}
			return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
	}

	/**
	 * Waits until the program accepts connections on every given loopback port; fails at
	 * once, with the program's log, if it exits meanwhile, and stops it if it does not
	 * listen in time.
	 */
	void awaitListening(Duration timeout, int... ports) {
		try {
			await().atMost(timeout)
				.pollInterval(Duration.ofMillis(50))
				.failFast(this.name + " exited", () -> !this.process.isAlive())
				.until(() -> Arrays.stream(ports).allMatch(ChildProcess::accepts));
		}
		catch (ConditionTimeoutException | AssertionError ex) {
			close();
			throw new AssertionError(this.name + " did not listen on " + Arrays.toString(ports) + " within " + timeout
					+ "; its log:\n" + log(), ex);
		}
	}

	/**
	 * What the program has written so far.
	 */
	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asks the program to stop (SIGTERM), then kills it if it has not stopped in time.
	 */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
