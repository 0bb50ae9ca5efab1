package io.fastagentic.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks a method of a Spring bean as an agent tool: each call is traced as a
 * {@code tool.call {name}} span with {@code tool}, {@code duration_ms} and the GenAI tool
 * keys. An exception marks the span as an error and is rethrown unchanged.
 *
 * <pre class="code">
 * &#064;AgentTool("search")
 * public SearchResults search(String query) { ... }
 * </pre>
 *
 * @author FastAgentic
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AgentTool {

	/**
	 * Alias for {@link #name()}.
	 * @return the tool name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The tool's name; defaults to the method name.
	 * @return the tool name
	 */
	@AliasFor("value")
	String name() default "";

}
