// A parser's English diagnosis (fast-xml-parser's, V8's JSON.parse's and RegExp's) read as a reason with an i18n key, so a
// reader of another language is told why their file was refused in that language; an unknown one stays as written.

import type { Reason } from '../domain/errors.ts';

type Pattern = readonly [RegExp, string];

// The English of each key (views/locales/en, parserReasons) says what the parser says, without positions.
const XML: readonly Pattern[] = [
  [/^Invalid space after '<'\.$/, 'xmlSpaceAfterLt'],
  [/^Tag '(?<tag>.*)' is an invalid name\.$/s, 'xmlTagName'],
  [/^Attributes for '(?<tag>.*)' have open quote\.$/s, 'xmlOpenQuote'],
  [/^Closing tag '(?<tag>.*)' doesn't have proper closing\.$/s, 'xmlClosingUnclosed'],
  [/^Closing tag '(?<tag>.*)' can't have attributes or invalid starting\.$/s, 'xmlClosingAttributes'],
  [/^Closing tag '(?<tag>.*)' has not been opened\.$/s, 'xmlClosingNotOpened'],
  [/^Expected closing tag '(?<open>.*)' \(opened in line (?<openLine>\d+), col (?<openCol>\d+)\) instead of closing tag '(?<tag>.*)'\.$/s, 'xmlClosingMismatch'],
  [/^Unclosed tag '(?<tag>.*)'\.$/s, 'xmlUnclosedTag'],
  [/^Multiple possible root nodes found\.$/, 'xmlRoots'],
  [/^Extra text at the end$/, 'xmlExtraText'],
  [/^Start tag expected\.$/, 'xmlStartTag'],
  [/^Invalid '(?<tags>.*)' found\.$/s, 'xmlUnclosedTags'],
  [/^XML declaration allowed only at the start of the document\.$/, 'xmlDeclarationPlace'],
  [/^char '(?<char>.*)' is not expected\.$/s, 'xmlUnexpectedChar'],
  [/^Attribute '(?<name>.*)' has no space in starting\.$/s, 'xmlAttributeSpace'],
  [/^Attribute '(?<name>.*)' is without value\.$/s, 'xmlAttributeNoValue'],
  [/^attribute (?<name>.*) has no value assigned\.$/s, 'xmlAttributeNoValue'],
  [/^boolean attribute '(?<name>.*)' is not allowed\.$/s, 'xmlBooleanAttribute'],
  [/^Attribute '(?<name>.*)' is an invalid name\.$/s, 'xmlAttributeName'],
  [/^Attribute '(?<name>.*)' is repeated\.$/s, 'xmlAttributeRepeated'],
  [/^Pi Tag is not closed\.$/, 'xmlPiUnclosed'],
  [/^Comment is not closed\.$/, 'xmlCommentUnclosed'],
  [/^CDATA is not closed\.$/, 'xmlCdataUnclosed'],
  [/^Closing Tag is not closed\.$/, 'xmlClosingUnclosedAtEnd'],
];

// V8's wording (Node 20 and later, and the older "Unexpected token x in JSON at position n").
const JSON_SYNTAX: readonly Pattern[] = [
  [/^Unexpected end of JSON input$/, 'jsonEnd'],
  [/^Unexpected token '?(?<token>.)'?(?:, .* is not valid JSON| in JSON at position \d+)$/s, 'jsonToken'],
  [/^Expected property name or '\}' in JSON/, 'jsonPropertyName'],
  [/^Expected double-quoted property name in JSON/, 'jsonQuotedName'],
  [/^Expected ':' after property name in JSON/, 'jsonColon'],
  [/^Expected ',' or '\}' after property value in JSON/, 'jsonAfterValue'],
  [/^Expected ',' or '\]' after array element in JSON/, 'jsonAfterElement'],
  [/^Unterminated string in JSON/, 'jsonUnterminatedString'],
  [/^Bad control character in string literal in JSON/, 'jsonControlCharacter'],
  [/^Bad escaped character in JSON/, 'jsonEscape'],
  [/^Bad Unicode escape in JSON/, 'jsonUnicodeEscape'],
  [/^No number after minus sign in JSON/, 'jsonMinus'],
  [/^Unterminated fractional number in JSON/, 'jsonFraction'],
  [/^Exponent part is missing a number in JSON/, 'jsonExponent'],
  [/^Unexpected non-whitespace character after JSON/, 'jsonAfterEnd'],
];

// V8's RegExp diagnoses, the part after "Invalid regular expression: /pattern/flags: " (a search's regular expression).
const REGEX: readonly Pattern[] = [
  [/^Unterminated group$/, 'regexUnterminatedGroup'],
  [/^Unmatched '\)'$/, 'regexUnmatchedParen'],
  [/^Nothing to repeat$/, 'regexNothingToRepeat'],
  [/^numbers out of order in \{\} quantifier$/, 'regexQuantifierOrder'],
  [/^Incomplete quantifier$/, 'regexIncompleteQuantifier'],
  [/^Lone quantifier brackets$/, 'regexLoneBrackets'],
  [/^Range out of order in character class$/, 'regexRangeOrder'],
  [/^Unterminated character class$/, 'regexUnterminatedClass'],
  [/^\\ at end of pattern$/, 'regexTrailingBackslash'],
  [/^Invalid (?:Unicode |class |decimal )?escape$/, 'regexEscape'],
  [/^Invalid group$/, 'regexGroup'],
  [/^Invalid capture group name$/, 'regexGroupName'],
  [/^Duplicate capture group name$/, 'regexDuplicateName'],
  [/^Invalid named (?:capture referenced|reference)$/, 'regexNamedReference'],
  [/^Invalid (?:class )?property name(?: in character class)?$/, 'regexProperty'],
  [/^Regular expression too large$/, 'regexTooLarge'],
];

function read(patterns: readonly Pattern[], message: string): Reason | undefined {
  for (const [pattern, name] of patterns) {
    const m = pattern.exec(message);
    if (m) return { key: `parserReasons.${name}`, params: { ...m.groups } };
  }
  return undefined;
}

export const xmlReason = (message: string): Reason | undefined => read(XML, message);
export const jsonReason = (message: string): Reason | undefined => read(JSON_SYNTAX, message);
/** The reason of a RegExp's SyntaxError, its message whole ("Invalid regular expression: /(/giu: Unterminated group"). */
export const regexReason = (message: string): Reason | undefined => read(REGEX, message.slice(message.lastIndexOf(': ') + 2));
