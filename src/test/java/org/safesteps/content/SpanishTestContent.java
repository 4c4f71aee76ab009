package org.safesteps.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shipped curriculum plus Spanish teacher notes and a Spanish confidence check for sextortion
 * (ages 11-13), written here so the tests do not depend on which translations are shipped yet.
 * Import it into a {@code @SpringBootTest}: every test that imports it shares one context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SpanishTestContent {

	public static final String NOTES_SUMMARY = "Un módulo delicado sobre la sextorsión. Hable con su responsable de protección antes de asignarlo.";

	public static final String CHECK_STATEMENT = "Sé qué hacer si alguien amenaza con compartir una imagen.";

	private static final String MODULE = "modules/sextortion/";

	private static final String TEACHER = """
			---
			summary: %s
			translated-from: %s
			---

			## Objetivos

			Al final de la lección, el alumnado sabe qué hacer en los primeros diez minutos.

			## Tiempo necesario

			Unos 40 minutos.

			## Normas básicas

			### Antes de la lección

			Hable con su responsable de protección.

			### Normas para acordar con la clase

			Hablamos de los personajes de las historias, no de nosotros.

			## Presentar el tema

			Mantenga un tono tranquilo.

			## Preguntas para el debate

			### De 11 a 13 años

			«¿Qué señales de alerta ves en la historia de Ravi?»

			### De 14 a 17 años

			¿Por qué pagar suele empeorar las cosas?

			## Si un niño o una niña se lo cuenta

			Escuche con calma y no prometa guardar el secreto.

			### Tarjeta para cuando alguien se lo cuenta

			Escuche, tranquilice y cuénteselo hoy a su responsable de protección.

			### Si alguien le amenaza ahora mismo

			No mire la imagen ni pida verla.

			### Cuando el responsable de protección acude directamente a la policía

			Siga el procedimiento de su centro.

			### Si un alumno pregunta si es ilegal enviar una imagen suya

			Responda con calma y sin culpar.
			""";

	private static final String CHECK = """
			translated-from: %s
			statements:
			  - id: what-to-do
			    text: "%s"
			  - id: where-to-report
			    text: "Sé dónde denunciar una amenaza de compartir una imagen."
			  - id: never-too-late
			    text: "Sé que nunca es demasiado tarde para pedir ayuda."
			""";

	/** The files of content/ with the two Spanish files added. */
	public static Map<String, String> files() {
		ContentSource shipped = ContentSource.directory(Path.of("content"));
		Map<String, String> files = new TreeMap<>();
		for (String path : shipped.paths()) {
			files.put(path, shipped.read(path));
		}
		files.put(MODULE + "teacher.es.md",
				TEACHER.formatted(NOTES_SUMMARY, ContentHash.of(files.get(MODULE + "teacher.md"))));
		files.put(MODULE + "ages-11-13.check.es.yml",
				CHECK.formatted(ContentHash.of(files.get(MODULE + "ages-11-13.check.yml")), CHECK_STATEMENT));
		return files;
	}

	@Bean
	@Primary
	Curriculum spanishTestCurriculum() {
		return new CurriculumLoader().load(ContentSource.of(files(), "shipped content with Spanish fixtures"),
				LocalDate.now()).orThrow();
	}

}
