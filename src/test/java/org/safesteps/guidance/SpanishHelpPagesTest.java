package org.safesteps.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.safesteps.content.Country;
import org.safesteps.content.Curriculum;
import org.safesteps.support.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** /help for readers of Spanish: their country from the browser's region, its services described in Spanish. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpanishHelpPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	Curriculum curriculum;

	Http http;

	@BeforeEach
	void setUp() {
		this.http = new Http(this.port);
	}

	@Test
	void spainIsChosenFromEsEsAndItsServicesReadInSpanish() {
		String page = help("es-ES,es;q=0.9");
		assertThat(page).contains("value=\"ES\" selected=\"selected\">España<", "017, Tu Ayuda en Ciberseguridad (INCIBE)",
				"Ayuda gratuita y confidencial de un equipo de expertos", "href=\"tel:017\"", "Chat ANAR (Fundación ANAR)",
				"Escribe a un equipo de psicólogos");
		assertRemovalAndHotlinesInSpanish(page);
	}

	@Test
	void colombiaIsChosenFromEsCoWithItsEmergencyNumberAndServicesInSpanish() {
		String page = help("es-CO");
		assertThat(page).contains("value=\"CO\" selected=\"selected\">Colombia<", "href=\"tel:123\"", "Línea 141",
				"Llama a cualquier hora del día o de la noche", "Te Protejo (Red PaPaz)",
				"Lo que puede ser un delito pasa a la Policía Nacional");
		assertRemovalAndHotlinesInSpanish(page);
	}

	@Test
	void theUnitedStatesFromEsUsListsTheUsServicesWithSpanishDescriptions() {
		String page = help("es-US,es;q=0.9");
		assertThat(page).contains("value=\"US\" selected=\"selected\">Estados Unidos<", "href=\"tel:911\"",
				"988 Suicide &amp; Crisis Lifeline", "chatea con un consejero de crisis capacitado", "NCMEC CyberTipline",
				"Denuncia a quien le pida fotos sexuales", "Childhelp National Child Abuse Hotline");
		assertThat(page).doesNotContain("Call, text or chat with a trained crisis counselor");
		assertRemovalAndHotlinesInSpanish(page);
	}

	@ParameterizedTest
	@ValueSource(strings = { "es-MX|MX|México", "es-AR|AR|Argentina", "es-CL|CL|Chile" })
	void mexicoArgentinaAndChileAreChosenFromTheRegionWithTheirOwnEntryInSpanish(String row) {
		String[] parts = row.split("\\|");
		String page = help(parts[0]);
		assertThat(page).contains("value=\"" + parts[1] + "\" selected=\"selected\">" + parts[2] + "<");
		// The country has its own entry, so the "we do not list your country" note does not show.
		assertThat(page).doesNotContain("Todavía no", "class=\"alert\"");
		assertRemovalAndHotlinesInSpanish(page);
	}

	@Test
	void anEnglishReaderWhoChoosesSpainReadsTheSameServicesInEnglish() {
		String page = this.http.get("/help?country=ES", "Accept-Language", "en-GB").body();
		assertThat(page).contains("value=\"ES\" selected=\"selected\">Spain<", "017, Tu Ayuda en Ciberseguridad (INCIBE)",
				"Free, confidential help from a team of experts", "Makes a digital fingerprint");
		assertThat(page).doesNotContain("Ayuda gratuita y confidencial");
	}

	@Test
	void theCountryListNamesEveryCountryInTheReadersLanguage() {
		assertThat(help("es-MX")).contains(">Reino Unido<", ">Nueva Zelanda<", ">Otros países<", ">España<");
		assertThat(this.http.get("/help?country=MX", "Accept-Language", "ar").body()).contains(">المكسيك<", ">إسبانيا<");
	}

	@Test
	void everyCountryInTheDirectoryHasANameInEnglishSpanishAndArabic() throws IOException {
		for (String language : new String[] { "", "_es", "_ar" }) {
			Properties names = load("/i18n/guidance" + language + ".properties");
			for (Country country : this.curriculum.help().countries()) {
				assertThat(names.getProperty("help.country." + country.code()))
					.as("help.country.%s in guidance%s.properties", country.code(), language)
					.isNotBlank();
			}
		}
	}

	private String help(String acceptLanguage) {
		return this.http.get("/help", "Accept-Language", acceptLanguage).body();
	}

	private static void assertRemovalAndHotlinesInSpanish(String page) {
		assertThat(page).contains("lang=\"es\"", "Take It Down (NCMEC)", "Crea una huella digital de una foto o un video",
				"Para adultos. Las líneas de denuncia de INHOPE");
		assertThat(page).doesNotContain("Makes a digital fingerprint");
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = SpanishHelpPagesTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
