package io.fastagentic.annotation;

import java.lang.reflect.Method;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;

/**
 * What tracing records about one {@link AgentEndpoint}: its name, route, adapter and
 * model. Attributes left blank in the annotation are reported as {@code none}.
 *
 * @param name the endpoint name ({@code agent.run {name}})
 * @param path the first route of the endpoint
 * @param adapter the agent framework, or {@code none}
 * @param model the model, or {@code none}
 * @author FastAgentic
 */
public record AgentEndpointInfo(String name, String path, String adapter, String model) {

	/**
	 * Value recorded for an attribute the annotation leaves blank.
	 */
	public static final String NONE = "none";

	/**
	 * Describe an annotated method.
	 * @param method a method annotated with {@link AgentEndpoint}
	 * @return its description
	 * @throws IllegalArgumentException if the method is not an agent endpoint
	 */
	public static AgentEndpointInfo of(Method method) {
		AgentEndpoint annotation = AnnotatedElementUtils.findMergedAnnotation(method, AgentEndpoint.class);
		if (annotation == null) {
			throw new IllegalArgumentException(method + " is not annotated with @AgentEndpoint");
		}
		String path = (annotation.path().length > 0) ? annotation.path()[0] : "/";
		String name = StringUtils.hasText(annotation.name()) ? annotation.name() : path;
		return new AgentEndpointInfo(name, path, orNone(annotation.adapter()), orNone(annotation.model()));
	}

	private static String orNone(String value) {
		return StringUtils.hasText(value) ? value : NONE;
	}

}
