package org.safesteps.content;

/** Something wrong in a content file, printed as {@code path:line: message}. */
public record ContentProblem(String path, int line, Severity severity, String message) {

	/** Errors stop start-up; warnings are reported and the content still loads. */
	public enum Severity {
		ERROR, WARNING
	}

	public static ContentProblem error(String path, int line, String message) {
		return new ContentProblem(path, line, Severity.ERROR, message);
	}

	public static ContentProblem warning(String path, int line, String message) {
		return new ContentProblem(path, line, Severity.WARNING, message);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return path + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
	}

}
