package io.fastagentic.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.fastagentic.benchmarks.support.Workload;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

/**
 * What the request benchmarks cost without any instrumentation or filter: building the
 * mock request and response and calling the handler. Subtract it to read the request
 * benchmarks as instrumentation alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class HarnessBaselineBenchmark {

	private final MockServletContext servletContext = new MockServletContext();

	private final HttpServlet handler = new HttpServlet() {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) {
			response.setStatus(HttpServletResponse.SC_OK);
		}

	};

	@Benchmark
	public Object request() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(this.servletContext, "POST", Workload.ROUTE);
		request.setContentType("application/json");
		request.addHeader("Accept", "application/json");
		request.setContent(Workload.REQUEST_BODY);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(this.handler).doFilter(request, response);
		return response;
	}

}
