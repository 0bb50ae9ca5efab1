package io.fastagentic.propagation.jdbc;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What tracing reads from SQL text: the operation, the table, and the text without its
 * literals (so values such as user content or keys never reach a span).
 *
 * @author FastAgentic
 */
final class SqlStatements {

	private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(/\\*.*?\\*/|--[^\\n]*\\n))*\\s*",
			Pattern.DOTALL);

	private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update|table|join)\\s+([\\w.\"`]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern LITERALS = Pattern
		.compile("'(?:[^']|'')*'|\\b0[xX][0-9a-fA-F]+\\b|(?<![\\w.])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b");

	private SqlStatements() {
	}

	static String operation(String sql) {
		String body = LEADING_COMMENTS.matcher(sql).replaceFirst("");
		int end = 0;
		while (end < body.length() && Character.isLetter(body.charAt(end))) {
			end++;
		}
		return (end > 0) ? body.substring(0, end).toUpperCase(Locale.ROOT) : "SQL";
	}

	static @Nullable String table(String sql) {
		Matcher matcher = TABLE.matcher(sql);
		return matcher.find() ? matcher.group(1) : null;
	}

	static String withoutLiterals(String sql) {
		return LITERALS.matcher(sql).replaceAll("?");
	}

}
