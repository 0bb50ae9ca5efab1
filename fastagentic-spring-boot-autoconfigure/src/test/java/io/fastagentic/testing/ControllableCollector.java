package io.fastagentic.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP trace endpoint on loopback whose answers a test scripts: each request
 * takes the next scripted status, and once the script is used up every request gets the
 * default status ({@code 200}, an accepted export, unless changed).
 */
public final class ControllableCollector implements AutoCloseable {

	private final HttpServer server;

	private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile int defaultStatus = 200;

	private ControllableCollector(HttpServer server) {
		this.server = server;
	}

	public static ControllableCollector start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		ControllableCollector collector = new ControllableCollector(server);
		server.createContext("/v1/traces", collector::handle);
		server.start();
		return collector;
	}

	/**
	 * The collector base URL, as a user would set {@code FASTAGENTIC_OTEL_ENDPOINT}.
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Answer the next requests with these statuses, in order.
	 */
	public void thenAnswer(int... statuses) {
		for (int status : statuses) {
			this.script.add(status);
		}
	}

	/**
	 * Answer every request past the script with this status.
	 */
	public void answerByDefault(int status) {
		this.defaultStatus = status;
	}

	public int requests() {
		return this.requests.get();
	}

	public int accepted() {
		return this.accepted.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
			this.requests.incrementAndGet();
			Integer scripted = this.script.poll();
			int status = (scripted != null) ? scripted : this.defaultStatus;
			if (status == 200) {
				this.accepted.incrementAndGet();
			}
			exchange.sendResponseHeaders(status, -1);
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
