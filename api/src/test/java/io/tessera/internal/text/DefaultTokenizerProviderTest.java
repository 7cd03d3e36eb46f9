package io.tessera.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tessera.api.ApiVersion;
import io.tessera.api.BadInputException;
import io.tessera.spi.ParamValues;
import io.tessera.spi.TokenizerProvider;
import io.tessera.text.DefaultTokenizer;
import io.tessera.text.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DefaultTokenizerProviderTest {
  private final TokenizerProvider provider = new DefaultTokenizerProvider();

  private Tokenizer create(Map<String, String> options) {
    return provider.create(ParamValues.parse(provider.options(), options));
  }

  @Test
  void isFoundByServiceLoaderUnderTheIdDefault() {
    List<TokenizerProvider> found = ServiceLoader.load(TokenizerProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("default")).toList();
    assertThat(found).singleElement().isInstanceOf(DefaultTokenizerProvider.class);
  }

  @Test
  void declaresTheCurrentApiVersionAndAOneLineDescription() {
    assertThat(provider.apiVersion()).isEqualTo(ApiVersion.CURRENT);
    assertThat(ApiVersion.CURRENT.accepts(provider.apiVersion())).isTrue();
    assertThat(provider.description()).isNotBlank().doesNotContain("\n");
  }

  @Test
  void offersTheTokenizersOptions() {
    assertThat(provider.options()).isEqualTo(DefaultTokenizer.optionSpecs());
  }

  @Test
  void createsTheDefaultTokenizerFromDefaults() {
    Tokenizer t = create(Map.of());
    assertThat(t).isEqualTo(DefaultTokenizer.withDefaults());
    assertThat(t.tokenize("It doesn't work.<br />")).containsExactly("it", "does", "n't", "work");
  }

  @Test
  void createsATokenizerFromKeyValueOptions() {
    Tokenizer t = create(Map.of("lowercase", "false", "numbers", "drop", "split_clitics", "no"));
    assertThat(t.tokenize("In 1999 it doesn't")).containsExactly("In", "it", "doesn't");
  }

  @Test
  void anUnknownOptionSuggestsTheNearestOne() {
    assertThatThrownBy(() -> create(Map.of("lowercse", "false")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'lowercse': unknown parameter (did you mean 'lowercase'?); valid: lowercase, "
            + "strip_html, split_clitics, numbers, min_length, max_length, normalize, strip_accents");
    assertThatThrownBy(() -> create(Map.of("strip_htm", "true")))
        .hasMessageStartingWith("parameter 'strip_htm': unknown parameter (did you mean 'strip_html'?)");
  }

  @Test
  void badValuesNameTheOptionAndWhatIsAllowed() {
    assertThatThrownBy(() -> create(Map.of("normalize", "nfd")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'normalize': 'nfd' is not one of nfc|nfkc|none (did you mean 'nfc'?)");
    assertThatThrownBy(() -> create(Map.of("min_length", "0")))
        .hasMessage("parameter 'min_length': 0 is outside the allowed range [1, inf)");
    assertThatThrownBy(() -> create(Map.of("strip_html", "maybe")))
        .hasMessage("parameter 'strip_html': 'maybe' is not true or false (allowed: true|false)");
  }

  @Test
  void inconsistentLengthsAreRejectedWhenCreating() {
    assertThatThrownBy(() -> create(Map.of("min_length", "3", "max_length", "2")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("parameter 'max_length': 2 is below min_length 3, so every token would be dropped");
  }
}
