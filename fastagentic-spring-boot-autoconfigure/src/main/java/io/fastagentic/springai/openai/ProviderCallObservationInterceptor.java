package io.fastagentic.springai.openai;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.okhttp3.DefaultOkHttpObservationConvention;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpObservationDocumentation;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpObservationInterceptor;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The observation Spring AI's OpenAI HTTP client makes of each provider request
 * ({@code okhttp.requests}, Micrometer's OkHttp context, convention and keys), taking as
 * parent the chat observation named by the request's call id when it carries one (a
 * streamed call, sent from a thread without context), else the current observation. The
 * id header is removed before the request is sent; the trace headers are injected by
 * Spring Boot's propagating tracing handler, in the configured formats.
 *
 * @author FastAgentic
 */
final class ProviderCallObservationInterceptor implements Interceptor {

	private static final String NAME = "okhttp.requests";

	private static final Function<Request, String> URI_MAPPER = (request) -> Optional
		.ofNullable(request.header(OkHttpObservationInterceptor.Builder.URI_PATTERN))
		.orElse("none");

	private static final DefaultOkHttpObservationConvention CONVENTION = new DefaultOkHttpObservationConvention(NAME);

	private final ObservationRegistry registry;

	private final StreamedCallCorrelation correlation;

	ProviderCallObservationInterceptor(ObservationRegistry registry, StreamedCallCorrelation correlation) {
		this.registry = registry;
		this.correlation = correlation;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		Observation.ContextView chat = null;
		String id = request.header(StreamedCallCorrelation.HEADER);
		if (id != null) {
			request = request.newBuilder().removeHeader(StreamedCallCorrelation.HEADER).build();
			chat = this.correlation.chatOf(id);
		}
		OkHttpContext context = new OkHttpContext(URI_MAPPER, KeyValues.empty(), List.of(), true, request);
		if (chat != null) {
			Observation.ContextView parent = chat;
			context.setParentObservation(() -> parent);
		}
		Observation observation = OkHttpObservationDocumentation.DEFAULT
			.observation(null, CONVENTION, () -> context, this.registry)
			.start();
		try {
			Response response = chain.proceed(context.rebuildAndGetRequest());
			context.setResponse(response);
			return response;
		}
		catch (IOException | RuntimeException | Error ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
