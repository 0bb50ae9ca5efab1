package io.fastagentic.testing;

import java.util.List;

import jakarta.servlet.AsyncEvent;

import org.springframework.core.MethodParameter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.async.StandardServletAsyncWebRequest;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitterReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A mock servlet request in async mode, as Spring MVC sets it up for an async return
 * value, whose container events (completion, timeout, error) a test fires by hand.
 */
public final class AsyncServletRequest {

	private final MockHttpServletRequest request;

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final StandardServletAsyncWebRequest asyncWebRequest;

	public AsyncServletRequest(String method, String path) {
		this.request = new MockHttpServletRequest(method, path);
		this.request.setAsyncSupported(true);
		this.asyncWebRequest = new StandardServletAsyncWebRequest(this.request, this.response);
		WebAsyncUtils.getAsyncManager(this.request).setAsyncWebRequest(this.asyncWebRequest);
	}

	public MockHttpServletRequest request() {
		return this.request;
	}

	public MockHttpServletResponse response() {
		return this.response;
	}

	public StandardServletAsyncWebRequest asyncWebRequest() {
		return this.asyncWebRequest;
	}

	/**
	 * Hand an emitter to Spring MVC's return value handler, which starts async processing
	 * and wires the emitter's callbacks to the container's events.
	 */
	public void handleAsSpringMvcWould(ResponseBodyEmitter emitter) throws Exception {
		ResponseBodyEmitterReturnValueHandler handler = new ResponseBodyEmitterReturnValueHandler(
				List.of(new StringHttpMessageConverter()));
		MethodParameter returnType = new MethodParameter(Endpoints.class.getDeclaredMethod("stream"), -1);
		handler.handleReturnValue(emitter, returnType, new ModelAndViewContainer(),
				new ServletWebRequest(this.request, this.response));
	}

	/**
	 * A container event of this request.
	 */
	public AsyncEvent event() {
		return new AsyncEvent(this.request.getAsyncContext(), this.request, this.response);
	}

	interface Endpoints {

		SseEmitter stream();

	}

}
