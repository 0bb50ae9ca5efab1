package io.fastagentic.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;
import org.springframework.util.StreamUtils;

/**
 * The {@code traces} actuator endpoint: the recent traces as JSON, and a self-contained
 * page (no CDN, works offline) that shows them as a waterfall.
 * <ul>
 * <li>{@code /actuator/traces}: the recent traces, latest first, each with its run totals
 * (models, LLM and tool calls, tokens, cost); query parameters {@code runId},
 * {@code traceId}, {@code status} ({@code OK} or {@code ERROR}), {@code endpoint},
 * {@code model}, {@code minDuration} ({@code 250ms}, {@code 2s}), {@code minCost} (USD)
 * and {@code search} (text in a span name or attribute value) filter them</li>
 * <li>{@code /actuator/traces/{traceId}}: one trace with all its spans</li>
 * <li>{@code /actuator/traces/ui}: the page</li>
 * </ul>
 * Null fields are left out of the JSON, as everywhere in actuator. Like every actuator
 * endpoint it is subject to {@code management.endpoints.web.exposure.*} and, when
 * present, Spring Security.
 *
 * @author FastAgentic
 */
@WebEndpoint(id = TracesEndpoint.ID)
public final class TracesEndpoint {

	/**
	 * The endpoint id.
	 */
	public static final String ID = "traces";

	/**
	 * The selector of the page, never a trace id (which is 32 hex digits).
	 */
	public static final String PAGE = "ui";

	private static final MimeType HTML = new MimeType("text", "html", StandardCharsets.UTF_8);

	private static final MimeType JSON = new MimeType("application", "json");

	private final RecentTraces recentTraces;

	private final @Nullable String jaegerUrl;

	private final String page;

	/**
	 * Create the endpoint.
	 * @param recentTraces the traces to serve
	 * @param jaegerUrl the base URL of a Jaeger UI that receives the same traces (each
	 * trace then links to it), or {@code null}
	 */
	public TracesEndpoint(RecentTraces recentTraces, @Nullable String jaegerUrl) {
		this.recentTraces = recentTraces;
		this.jaegerUrl = baseUrl(jaegerUrl);
		this.page = readPage();
	}

	/**
	 * The recent traces matching the given criteria, latest start first.
	 * @param runId only the trace of this run
	 * @param traceId only the trace with this id
	 * @param status only the traces with this status
	 * @param endpoint only the traces of this agent endpoint
	 * @param model only the traces that used this model
	 * @param minDuration only the traces that lasted at least this long
	 * @param minCost only the traces that cost at least this much (USD)
	 * @param search only the traces with a span whose name or an attribute value contains
	 * this text, ignoring case
	 * @return the traces
	 */
	@ReadOperation
	public TracesDescriptor traces(@Nullable String runId, @Nullable String traceId, @Nullable TraceStatus status,
			@Nullable String endpoint, @Nullable String model, @Nullable Duration minDuration, @Nullable Double minCost,
			@Nullable String search) {
		return new TracesDescriptor(this.recentTraces
			.find(new TraceQuery(runId, traceId, status, endpoint, model, minDuration, minCost, search)));
	}

	/**
	 * One trace with all its spans, or the page for the {@value #PAGE} selector.
	 * @param traceId the trace id, or {@value #PAGE}
	 * @return the trace as JSON, the page as HTML, or 404 when the trace is not kept
	 */
	@ReadOperation(produces = { "application/json", "text/html" })
	public WebEndpointResponse<Object> trace(@Selector String traceId) {
		if (PAGE.equals(traceId)) {
			return new WebEndpointResponse<>(this.page, HTML);
		}
		RecordedTrace trace = this.recentTraces.get(traceId);
		if (trace == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		String jaegerTraceUrl = (this.jaegerUrl != null) ? this.jaegerUrl + "/trace/" + traceId : null;
		return new WebEndpointResponse<>(new TraceDescriptor(trace.summary(), trace.spans(), jaegerTraceUrl), JSON);
	}

	private static @Nullable String baseUrl(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		String trimmed = url.trim();
		String scheme = URI.create(trimmed).getScheme();
		Assert.isTrue("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme),
				() -> "The Jaeger UI URL must be an http or https URL, not '" + trimmed + "'");
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	private static String readPage() {
		try (InputStream page = new ClassPathResource("traces.html", TracesEndpoint.class).getInputStream()) {
			return StreamUtils.copyToString(page, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The trace viewer page is missing", ex);
		}
	}

	/**
	 * The recent traces, as listed.
	 *
	 * @param traces the traces, latest start first
	 */
	public record TracesDescriptor(List<TraceSummary> traces) implements OperationResponseBody {

	}

	/**
	 * One trace with its spans.
	 *
	 * @param summary the trace as listed
	 * @param spans its spans, earliest start first
	 * @param jaegerUrl the same trace in the configured Jaeger UI, or {@code null}
	 */
	public record TraceDescriptor(TraceSummary summary, List<RecordedSpan> spans,
			@Nullable String jaegerUrl) implements OperationResponseBody {

	}

}
