package io.fastagentic.observation.outcome;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Tells the failures that are the client's, following the OpenTelemetry HTTP conventions:
 * a request answered 4xx, or a client that hung up, is not a failure of the service, so
 * its spans are not errors and the keep-errors sampling rule does not keep its trace
 * (anyone could otherwise multiply the export volume by sending bad requests or hanging
 * up).
 *
 * @author FastAgentic
 */
public final class ClientOutcomes {

	private static final boolean SPRING_WEB_PRESENT = ClassUtils.isPresent("org.springframework.web.ErrorResponse",
			ClientOutcomes.class.getClassLoader());

	private ClientOutcomes() {
	}

	/**
	 * Whether a failure is answered with a 4xx status: a {@code ResponseStatusException}
	 * or other Spring {@code ErrorResponse} with a 4xx status, or an exception annotated
	 * with a 4xx {@code @ResponseStatus}.
	 * @param failure the failure
	 * @return {@code true} for a client mistake
	 */
	public static boolean isClientError(Throwable failure) {
		return SPRING_WEB_PRESENT && SpringWeb.isClientError(failure);
	}

	/**
	 * Whether a failure is the client going away (a broken pipe, a reset connection, an
	 * async request no longer usable), as Spring's {@code DisconnectedClientHelper}
	 * tells.
	 * @param failure the failure
	 * @return {@code true} when the client hung up
	 */
	public static boolean isClientAbort(Throwable failure) {
		return SPRING_WEB_PRESENT && SpringWeb.isClientAbort(failure);
	}

	/**
	 * Kept apart so that Spring Web classes load only when present.
	 */
	private static final class SpringWeb {

		static boolean isClientError(Throwable failure) {
			if (failure instanceof ErrorResponse response) {
				return response.getStatusCode().is4xxClientError();
			}
			ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(),
					ResponseStatus.class);
			return status != null && status.code().is4xxClientError();
		}

		static boolean isClientAbort(Throwable failure) {
			return DisconnectedClientHelper.isClientDisconnectedException(failure);
		}

	}

}
