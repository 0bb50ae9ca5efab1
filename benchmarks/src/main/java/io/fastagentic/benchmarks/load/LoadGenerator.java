package io.fastagentic.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop HTTP load generator for 127.0.0.1 only: a fixed number of virtual clients
 * (platform threads), each sending its next request as soon as the previous one answered,
 * until a fixed number of requests was sent. Its threads are named
 * {@value #THREAD_PREFIX}...
 */
final class LoadGenerator implements AutoCloseable {

	private static final String THREAD_PREFIX = "load-client-";

	private final int clients;

	private final ExecutorService clientThreads;

	private final ExecutorService httpThreads;

	private final HttpClient http;

	LoadGenerator(int clients) {
		this.clients = clients;
		AtomicInteger threads = new AtomicInteger();
		this.clientThreads = Executors.newFixedThreadPool(clients, (task) -> {
			Thread thread = new Thread(task, THREAD_PREFIX + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.httpThreads = Executors.newFixedThreadPool(clients, (task) -> {
			Thread thread = new Thread(task, THREAD_PREFIX + "http-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.httpThreads)
			.build();
	}

	/**
	 * Send requests until {@code count} were answered.
	 * @param uri where to send them, a loopback address
	 * @param body the JSON body of each request
	 * @param count how many
	 * @return latencies and outcome
	 * @throws InterruptedException if interrupted
	 */
	Result run(URI uri, String body, int count) throws InterruptedException {
		if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
			throw new IllegalArgumentException("Load goes to loopback only, not " + uri);
		}
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long[] latencies = new long[count];
		AtomicInteger next = new AtomicInteger();
		LongAdder failures = new LongAdder();
		List<java.util.concurrent.Future<?>> running = new ArrayList<>();
		long start = System.nanoTime();
		for (int client = 0; client < this.clients; client++) {
			running.add(this.clientThreads.submit(() -> {
				int index;
				while ((index = next.getAndIncrement()) < count) {
					long sent = System.nanoTime();
					try {
						HttpResponse<byte[]> response = this.http.send(request,
								HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() != 200) {
							failures.increment();
						}
					}
					catch (java.io.IOException ex) {
						failures.increment();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					latencies[index] = System.nanoTime() - sent;
				}
			}));
		}
		for (java.util.concurrent.Future<?> client : running) {
			try {
				client.get(10, TimeUnit.MINUTES);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException("A load client failed", ex);
			}
		}
		long elapsed = System.nanoTime() - start;
		Arrays.sort(latencies);
		return new Result(count, failures.sum(), elapsed, latencies);
	}

	@Override
	public void close() {
		this.clientThreads.shutdownNow();
		this.httpThreads.shutdownNow();
	}

	/**
	 * The outcome of a run.
	 *
	 * @param requests requests answered
	 * @param failures requests answered with another status than 200, or not at all
	 * @param elapsedNanos wall time of the run
	 * @param sortedLatencies latency of each request, sorted, in nanoseconds
	 */
	record Result(int requests, long failures, long elapsedNanos, long[] sortedLatencies) {

		double throughput() {
			return this.requests / (this.elapsedNanos / 1e9);
		}

		double percentileMillis(double percentile) {
			int index = (int) Math.ceil(percentile / 100.0 * this.sortedLatencies.length) - 1;
			return this.sortedLatencies[Math.max(0, Math.min(index, this.sortedLatencies.length - 1))] / 1e6;
		}

		double meanMillis() {
			return Arrays.stream(this.sortedLatencies).average().orElse(0) / 1e6;
		}

	}

}
