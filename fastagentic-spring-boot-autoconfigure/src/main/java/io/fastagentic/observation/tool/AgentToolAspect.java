package io.fastagentic.observation.tool;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.fastagentic.annotation.AgentTool;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * Traces every call of an {@link AgentTool} method as {@code tool.call {name}}, unless a
 * framework already observes the call as a tool call (an {@code @AgentTool} method that
 * is also a Spring AI {@code @Tool}): one span per tool call.
 * <p>
 * A method that is also a LangChain4j {@code @Tool} is left alone, so that its bean is
 * not proxied: LangChain4j finds tools among the methods of the tool object's own class,
 * which a subclass proxy overrides without their annotations, and the LangChain4j adapter
 * traces the tool's executions itself. The annotation is matched by its package, so this
 * holds without LangChain4j on the classpath.
 *
 * @author FastAgentic
 */
@Aspect
public class AgentToolAspect {

	private final ObservationRegistry registry;

	private final @Nullable ToolCallObservationConvention convention;

	private final Predicate<Observation.Context> isToolCall;

	private final Map<Method, String> toolNames = new ConcurrentHashMap<>();

	/**
	 * Create the aspect.
	 * @param registry where the observation is made, and which tells the current one
	 * @param convention a convention replacing the default, or {@code null}
	 * @param isToolCall whether an observation is a tool call, of FastAgentic or of a
	 * framework
	 */
	public AgentToolAspect(ObservationRegistry registry, @Nullable ToolCallObservationConvention convention,
			Predicate<Observation.Context> isToolCall) {
		this.registry = registry;
		this.convention = convention;
		this.isToolCall = isToolCall;
	}

	/**
	 * Run a tool inside its observation.
	 * @param joinPoint the call
	 * @return what the tool returned
	 * @throws Throwable whatever the tool throws, unchanged
	 */
	@Around("@annotation(io.fastagentic.annotation.AgentTool) && !execution(@(dev.langchain4j.agent.tool.*) * *(..))")
	public @Nullable Object observeTool(ProceedingJoinPoint joinPoint) throws Throwable {
		Observation current = this.registry.getCurrentObservation();
		if (current != null && this.isToolCall.test(current.getContext())) {
			return joinPoint.proceed();
		}
		Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
		String name = this.toolNames.computeIfAbsent(method, AgentToolAspect::toolName);
		return ToolCalls.observe(this.registry, this.convention, name, joinPoint.getArgs(), joinPoint::proceed);
	}

	private static String toolName(Method method) {
		AgentTool tool = AnnotatedElementUtils.findMergedAnnotation(method, AgentTool.class);
		return (tool != null && StringUtils.hasText(tool.name())) ? tool.name() : method.getName();
	}

}
