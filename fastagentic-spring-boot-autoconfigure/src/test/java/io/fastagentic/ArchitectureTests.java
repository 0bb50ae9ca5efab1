package io.fastagentic;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of the starter: the request path, the observation families and the
 * framework adapters depend on each other in one direction, and nothing but the
 * auto-configuration knows the auto-configuration.
 *
 * @author FastAgentic
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.fastagentic");

	private static final String AUTOCONFIGURE = "io.fastagentic.autoconfigure..";

	private static final String[] OBSERVATION_FAMILIES = { "io.fastagentic.observation.agent..",
			"io.fastagentic.observation.llm..", "io.fastagentic.observation.tool..",
			"io.fastagentic.observation.checkpoint..", "io.fastagentic.observation.stream.." };

	private static final String[] ADAPTERS = { "io.fastagentic.springai..", "io.fastagentic.langchain4j.." };

	/**
	 * Every package is a slice of its own, so a family and its parent package cannot lean
	 * on each other either.
	 */
	@Test
	void noCyclesBetweenPackages() {
		slices().matching("io.fastagentic.(**)").namingSlices("$1").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void runtimeNeverDependsOnAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage(AUTOCONFIGURE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(AUTOCONFIGURE)
			.check(CLASSES);
	}

	/**
	 * The families are what the request path and the adapters use: they read the caller
	 * through {@code CorrelationKeys}, never from the web package.
	 */
	@Test
	void observationFamiliesDependOnlyOnAnnotationsCorrelationAndEachOther() {
		classes().that()
			.resideInAnyPackage(OBSERVATION_FAMILIES)
			.should()
			.onlyDependOnClassesThat(
					resideOutsideOfPackage("io.fastagentic..").or(resideInAnyPackage(concat(OBSERVATION_FAMILIES,
							"io.fastagentic.observation.outcome..", "io.fastagentic.observation.scope..",
							"io.fastagentic.annotation..", "io.fastagentic.correlation.."))))
			.as("observation families depend only on annotations, correlation keys, outcomes, scopes and each other")
			.check(CLASSES);
	}

	@Test
	void observationFamiliesNeverDependOnTheRequestPath() {
		noClasses().that()
			.resideInAnyPackage(OBSERVATION_FAMILIES)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.fastagentic.web..")
			.check(CLASSES);
	}

	/**
	 * The request path calls the authentication and policy SPIs, never the other way
	 * round.
	 */
	@Test
	void authenticationAndPolicyNeverDependOnTheRequestPath() {
		noClasses().that()
			.resideInAnyPackage("io.fastagentic.web.auth..", "io.fastagentic.web.policy..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.fastagentic.web")
			.check(CLASSES);
	}

	/**
	 * A policy judges the caller authentication found; authentication knows no policy.
	 */
	@Test
	void authenticationNeverDependsOnPolicy() {
		noClasses().that()
			.resideInAPackage("io.fastagentic.web.auth..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.fastagentic.web.policy..")
			.check(CLASSES);
	}

	@Test
	void coreNeverDependsOnFrameworkAdapters() {
		noClasses().that()
			.resideOutsideOfPackages(concat(ADAPTERS, AUTOCONFIGURE))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ADAPTERS)
			.check(CLASSES);
	}

	@Test
	void springAiAdapterNeverDependsOnLangChain4j() {
		noClasses().that()
			.resideInAPackage("io.fastagentic.springai..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.fastagentic.langchain4j..")
			.check(CLASSES);
	}

	@Test
	void langChain4jAdapterNeverDependsOnSpringAi() {
		noClasses().that()
			.resideInAPackage("io.fastagentic.langchain4j..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.fastagentic.springai..")
			.check(CLASSES);
	}

	private static String[] concat(String[] packages, String... more) {
		String[] all = new String[packages.length + more.length];
		System.arraycopy(packages, 0, all, 0, packages.length);
		System.arraycopy(more, 0, all, packages.length, more.length);
		return all;
	}

}
