package io.fastagentic.sample;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers errors with RFC 9457 problem documents: Spring MVC's own exceptions (such as an
 * unreadable body or a {@code ResponseStatusException}) through the base class, and
 * dependency failures as {@code 502 Bad Gateway}.
 */
@RestControllerAdvice
public class ChatExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail handleAgentRunFailure(AgentRunException ex) {
		return agentRunFailed(ex);
	}

	/**
	 * Describes a failed agent run.
	 * @param ex the failure
	 * @return a {@code 502 Bad Gateway} problem naming the run and the failed dependency
	 */
	static ProblemDetail agentRunFailed(AgentRunException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("Agent dependency failed");
		problem.setProperty("run_id", ex.getRunId());
		problem.setProperty("dependency", ex.getProviderFailure().getDependency());
		return problem;
	}

}
