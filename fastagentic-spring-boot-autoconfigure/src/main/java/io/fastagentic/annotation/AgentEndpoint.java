package io.fastagentic.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Marks a controller method as an agent endpoint: maps it as a {@code POST} route, runs
 * the {@code auth.validate} and {@code policy.check} filters in front of it, and traces
 * each call as an {@code agent.run {endpoint}} span, child of the HTTP span, with a fresh
 * {@code run_id}.
 *
 * <pre class="code">
 * &#064;AgentEndpoint(path = "/chat", adapter = "langchain4j", model = "gpt-4")
 * public Answer chat(&#064;RequestBody Question question) { ... }
 * </pre>
 *
 * @author FastAgentic
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(method = RequestMethod.POST)
public @interface AgentEndpoint {

	/**
	 * Alias for {@link #path()}.
	 * @return the route
	 */
	@AliasFor(annotation = RequestMapping.class, attribute = "path")
	String[] value() default {};

	/**
	 * The route, as in {@link RequestMapping#path()}.
	 * @return the route
	 */
	@AliasFor(annotation = RequestMapping.class, attribute = "path")
	String[] path() default {};

	/**
	 * The media types the endpoint consumes, as in {@link RequestMapping#consumes()}.
	 * @return the consumed media types
	 */
	@AliasFor(annotation = RequestMapping.class)
	String[] consumes() default {};

	/**
	 * The media types the endpoint produces, as in {@link RequestMapping#produces()}.
	 * @return the produced media types
	 */
	@AliasFor(annotation = RequestMapping.class)
	String[] produces() default {};

	/**
	 * The endpoint's name in span names and metrics ({@code agent.run {name}}). Defaults
	 * to the first path.
	 * @return the endpoint name
	 */
	String name() default "";

	/**
	 * The agent framework behind the endpoint, for example {@code langchain4j} or
	 * {@code spring-ai}; recorded as {@code adapter}.
	 * @return the adapter name
	 */
	String adapter() default "";

	/**
	 * The model the agent uses, for example {@code gpt-4}; recorded as {@code model}.
	 * @return the model name
	 */
	String model() default "";

}
