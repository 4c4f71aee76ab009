package org.safesteps.security;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route of the application, read from Spring MVC's handler mapping: methods x patterns. */
final class Routes {

	private Routes() {
	}

	/** A route ({@code "POST /teacher/classes/{classId}/code"}) and the form or query fields its handler reads. */
	record Route(String method, String pattern, Set<String> fields) {

		String key() {
			return this.method + " " + this.pattern;
		}

		/** The path with its variables filled in. */
		String path(Map<String, String> variables) {
			String path = this.pattern;
			for (Map.Entry<String, String> variable : variables.entrySet()) {
				path = path.replace("{" + variable.getKey() + "}", variable.getValue());
			}
			if (path.contains("{")) {
				throw new IllegalStateException("No value for a variable of " + this.pattern);
			}
			return path;
		}

	}

	static List<Route> all(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<String> names = methods.isEmpty() ? List.of("GET", "POST")
					: methods.stream().map(Enum::name).toList();
			for (String method : names) {
				for (String pattern : info.getPatternValues()) {
					routes.add(new Route(method, pattern, fields(entry.getValue())));
				}
			}
		}
		routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
		return routes;
	}

	private static Set<String> fields(HandlerMethod handler) {
		Set<String> fields = new LinkedHashSet<>();
		for (Parameter parameter : handler.getMethod().getParameters()) {
			RequestParam param = parameter.getAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				fields.add(name.isEmpty() ? parameter.getName() : name);
			}
			if (parameter.isAnnotationPresent(ModelAttribute.class) && parameter.getType().isRecord()) {
				for (RecordComponent component : parameter.getType().getRecordComponents()) {
					fields.add(component.getName());
				}
			}
		}
		return fields;
	}

}
