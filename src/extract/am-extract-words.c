/* am-extract-words.c — the word lists the extractor reads names with
 *
 * Small closed classes of English (titles, organisation keywords, the nouns that
 * introduce a company or a newspaper, speech verbs).  They describe how news English
 * names things, not any article: no name of a person, company or article is here,
 * except a few world-famous agencies and bodies that are usually named bare
 * ("Reuters", "the Pentagon").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-extract-words.h"

#define LIST(name, ...) const char * const name[] = { __VA_ARGS__, NULL }

LIST (am_words_org_keywords,
      "Ministry", "Ministries", "Department", "Authority", "Authorities", "Commission",
      "Committee", "Council", "Agency", "Union", "Party", "Bank", "Banco", "Banque", "Inc",
      "Corp", "Corporation", "Ltd", "LLC", "PLC", "plc", "AG", "A/S", "ASA", "AB", "GmbH", "SpA",
      "NV", "Group", "Company", "Holding", "Holdings", "Forces", "Force", "Army", "Navy",
      "Office", "Service", "Services", "Court", "Tribunal", "Organization", "Organisation",
      "Institute", "Institution", "Programme", "Program", "Fund", "Secretariat",
      "Association", "Federation", "Confederation", "Assembly", "Parliament", "Senate",
      "Congress", "Airlines", "Airways", "Air", "Semiconductors", "Foundation", "University",
      "College", "Police", "Watch", "Network", "Alliance", "Coalition", "Front", "Movement",
      "Guard", "Corps", "Bureau", "Board", "Centre", "Center", "Chamber", "Club", "League",
      "Society", "Trust", "Nations", "Motors", "Systems", "Technologies", "Industries",
      "Pharmaceuticals", "Capital", "Partners", "Port", "Conference", "Cooperative",
      "Brigade", "Brigades", "Republic", "Exchange", "House", "Workers", "Employees",
      "Securities", "Investments", "Insurance", "Management", "Ventures", "Logistics", "Labs",
      "Solutions", "Software", "Consulting", "Therapeutics", "Biotech", "Networks",
      "Electronics", "Foods", "Steel", "Petroleum", "Chemicals", "Robotics", "Semiconductor",
      "Aerospace", "Shipping", "Entertainment", "Studios", "Financial", "Brands", "Stores",
      "Mining", "Oil", "Gas", "Pharmaceutical", "Healthcare", "Automotive", "Resources");

/* Keywords that make an organisation only as the last word ("Transparency
 * International", "Siemens Gamesa Renewable Energy"). */
LIST (am_words_org_last,
      "International", "Energy", "Offshore", "Media", "Telecom", "Pharma", "Bancorp",
      "Televisión", "Television", "Radio");

LIST (am_words_media_keywords,
      "Times", "Post", "News", "Journal", "Herald", "Gazette", "Televisión", "Television",
      "Radio", "Broadcasting", "Press", "Tribune", "Daily", "Telegraph", "Guardian",
      "Observer", "Monitor", "Chronicle", "Zeitung", "Wire");

/* Bodies and agencies that articles name bare. */
LIST (am_words_known_media,
      "Reuters", "AFP", "AP", "Associated Press", "Yonhap", "Xinhua", "Bloomberg", "Kyodo",
      "TASS", "BBC", "CNN", "Al Jazeera", "Interfax", "ANSA", "EFE", "dpa", "KCNA", "LETA",
      "RIA Novosti", "Agence France-Presse", "Anadolu");
LIST (am_words_known_orgs,
      "Pentagon", "Kremlin", "White House", "Élysée", "Bundestag", "Bundesrat", "Knesset",
      "Duma", "Saeima", "Sejm", "Riksdag", "Storting", "Folketing", "Eduskunta", "Cortes",
      "Interpol", "Europol", "Frontex", "NATO", "OPEC", "Hamas", "Hezbollah", "Taliban",
      "Greenpeace", "Oxfam", "Eurostat", "Bundesbank", "Bundeswehr", "Mossad", "Politburo");

LIST (am_words_title_core,
      "President", "Minister", "Secretary", "Premier", "Chancellor", "Director", "Chief",
      "Officer", "Chairman", "Chairwoman", "Chairperson", "Chair", "Speaker", "Senator",
      "Governor", "Mayor", "Commissioner", "Envoy", "Ambassador", "Judge", "Prosecutor",
      "Attorney", "General", "Gen", "Lt", "Col", "Colonel", "Captain", "Capt", "Admiral",
      "Marshal", "Commander", "King", "Queen", "Prince", "Princess", "Sheikh", "Pope", "Emir",
      "Sultan", "Leader", "Head", "Spokesman", "Spokeswoman", "Spokesperson", "Adviser",
      "Advisor", "Coach", "CEO", "CFO", "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Rep",
      "Sen", "Gov", "Sir", "Dame", "Lord", "Lady", "Cardinal", "Bishop", "Rabbi", "Imam",
      "Representative", "Councillor", "Councilor", "Magistrate", "Inspector", "Sergeant",
      "Lieutenant", "Major", "Secretary-General", "Director-General", "President-elect",
      "Governor-General", "Chief of Staff", "Executive", "Manager", "Negotiator", "Mediator");

LIST (am_words_title_modifiers,
      "Deputy", "Vice", "Prime", "Foreign", "Interior", "Finance", "Defence", "Defense",
      "Economy", "Economic", "Trade", "Industry", "Energy", "Environment", "Climate",
      "Health", "Education", "Labour", "Labor", "Justice", "Transport", "Mining",
      "Agriculture", "Culture", "Home", "State", "Special", "Senior", "Acting", "Former",
      "Executive", "Managing", "Chief", "General", "Competition", "Digital", "Development",
      "Affairs", "Security", "National", "Supreme", "Presiding", "Public", "Federal", "First",
      "Grand", "Commerce", "Tourism", "Sports", "Water", "Infrastructure", "Housing",
      "Communications", "Information", "Immigration", "Treasury", "Budget", "Planning",
      "Social", "Science", "Research", "Technology", "Operating", "Financial", "Technical",
      "Army", "Air", "Staff", "Joint", "Crown", "Head", "Assistant", "Associate", "Regional",
      "Economics", "Fisheries", "Enterprise", "Business", "European", "Green", "Cabinet");

/* Name particles that join capitalised words into one person's name. */
LIST (am_words_name_joiners,
      "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
      "ter", "la", "le", "bin", "binti", "bint", "ibn", "al", "el", "y", "e", "zu", "af",
      "ben", "abu", "st");

/* Capitalised words that are never (part of) an actor's name. */
LIST (am_words_not_names,
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday", "Sunday", "I", "Ramadan", "Christmas", "Easter", "Eid", "God",
      "Internet", "OK", "Okay", "Yes", "No", "Mr", "Mrs", "Ms", "Dr", "CEO", "CFO", "CTO",
      "COO", "GDP", "TV", "AM", "PM", "ID", "AI", "EV", "EVs", "USD", "EUR", "GW", "MW", "KM",
      "PhD", "HQ", "IPO", "ESG", "LNG", "COVID", "COVID-19", "Covid", "Covid-19", "OK", "A",
      "GMT", "UTC", "Q1", "Q2", "Q3", "Q4", "CO2", "SUV", "SUVs", "MP", "MPs", "MEP", "MEPs");

/* Capitalised words that start sentences and are not names. */
/* Month abbreviations: not names when a full stop or a number follows ("Feb. 12"). */
LIST (am_words_month_abbreviations,
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec");

LIST (am_words_function_caps,
      "The", "A", "An", "Its", "His", "Her", "Their", "Our", "My", "Your", "This", "That",
      "These", "Those", "But", "And", "Or", "So", "Yet", "However", "After", "Before", "When",
      "While", "If", "In", "On", "At", "For", "With", "From", "By", "As", "Under", "Over",
      "Since", "Until", "During", "Although", "Though", "Because", "Despite", "Last", "Next",
      "Early", "Late", "Earlier", "Later", "Meanwhile", "Then", "Now", "Today", "Yesterday",
      "Tomorrow", "Also", "Even", "Only", "Not", "No", "Some", "Many", "Most", "Several",
      "Both", "All", "Each", "Every", "Any", "Other", "Another", "One", "Two", "Three", "He",
      "She", "It", "They", "We", "You", "There", "Here", "What", "Who", "Which", "Where",
      "Why", "How", "According", "Speaking", "Asked", "Opening", "Outside", "Inside", "Back",
      "Around", "Among", "Between", "About", "Above", "Below", "Against", "Along", "Across",
      "Through", "Without", "Within", "Instead", "Still", "Already", "Once", "More", "Less",
      "Further", "Such", "Unlike", "Like", "To", "Of", "Off", "Up", "Down", "Out", "Is",
      "Are", "Was", "Were", "Has", "Have", "Had", "Will", "Would", "Can", "Could", "May",
      "Might", "Must", "Should", "Shall", "Do", "Does", "Did", "Let", "Sources",
      "Officials", "Analysts", "Diplomats", "Critics", "Experts", "Scientists", "Police",
      "Prosecutors", "Investors", "Residents", "Witnesses", "Unions", "Shares", "Sales",
      "Media", "Authorities", "Speaking", "Asked", "Following", "Given", "Including", "Amid",
      "Near", "Toward", "Towards", "Upon", "Per", "Via", "Whether", "Unless", "Whereas");

/* Words that make a capitalised run a place, a thing or an event, not an actor. */
LIST (am_words_not_actor,
      "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
      "Central", "Sea", "Ocean", "Gulf", "River", "Lake", "Mount", "Mountains", "Island",
      "Islands", "Peninsula", "Valley", "Desert", "Plateau", "Basin", "Strait", "Bay", "Coast",
      "Europe", "Asia", "Africa", "America", "Americas", "Pacific", "Atlantic", "Arctic",
      "Antarctic", "Mediterranean", "Street", "Square", "Avenue", "Road", "Station",
      "Stadium", "Estadio", "Arena", "Palace", "Hotel", "Hall", "Tower", "Bridge", "Park",
      "Cup", "Championship", "Championships", "Games", "Olympics", "Summit", "Festival",
      "Prize", "Award", "Day", "War", "Revolution", "Project", "Plan", "Agreement", "Accord",
      "Treaty", "Act", "Law", "Bill", "Province", "Region", "County", "City", "Cordillera",
      "Plaza", "Cathedral", "Church", "Mosque", "Temple", "Museum", "Airport", "Harbour",
      "Harbor", "Canal", "Highway", "Route", "Trail", "Forest", "Glacier", "Volcano",
      "Index", "Protocol", "Convention", "Initiative", "Strategy", "Week",
      "Year", "Century", "Age", "Era", "Final", "Finals", "Open", "Grand", "Prix", "Series",
      "Tour", "Marathon", "World", "Hemisphere", "Sahara", "Amazon", "Andes", "Alps",
      "Himalayas", "Middle", "Far", "Kingdom", "Empire", "Dynasty", "Airbus", "Boeing",
      "Bible", "Koran", "Quran", "Talks", "Hill", "Heights", "Falls", "Beach");

LIST (am_words_org_nouns,
      "company", "firm", "group", "airline", "carrier", "bank", "lender", "insurer", "agency",
      "broadcaster", "newspaper", "daily", "magazine", "channel", "network", "union", "club",
      "team", "foundry", "chipmaker", "maker", "manufacturer", "producer", "retailer",
      "operator", "developer", "giant", "rival", "partner", "customer", "supplier",
      "subsidiary", "conglomerate", "startup", "start-up", "utility", "regulator", "watchdog",
      "organisation", "organization", "charity", "consultancy", "fund", "party", "coalition",
      "movement", "publisher", "outlet", "confederation", "federation", "association", "body",
      "institute", "consortium", "brand", "platform", "exchange", "automaker", "carmaker",
      "miner", "refiner", "shipper", "investor", "bloc", "alliance", "militia", "faction",
      "ministry", "department", "website", "tabloid", "weekly", "label", "studio", "unit",
      "side", "champions", "owner", "buyer", "seller", "bidder", "contractor", "shipyard",
      "builder", "automaker", "pharmaceutical", "drugmaker", "cooperative", "authority");

LIST (am_words_media_nouns,
      "newspaper", "broadcaster", "daily", "magazine", "channel", "outlet", "tabloid",
      "weekly", "website", "radio", "television", "wire");

LIST (am_words_role_nouns,
      "analyst", "strategist", "economist", "spokesman", "spokeswoman", "spokesperson",
      "campaigner", "negotiator", "director", "executive", "chief", "head", "chairman",
      "chairwoman", "chair", "president", "leader", "minister", "official", "officer",
      "manager", "founder", "adviser", "advisor", "researcher", "coach", "captain", "striker",
      "defender", "midfielder", "forward", "goalkeeper", "player", "lawyer", "prosecutor",
      "judge", "secretary", "deputy", "member", "boss", "owner", "editor", "correspondent",
      "reporter", "ambassador", "envoy", "commissioner", "governor", "mayor", "senator",
      "lawmaker", "trader", "partner", "professor", "scientist", "engineer", "expert",
      "activist", "candidate", "representative", "delegate", "mediator", "general",
      "commander", "colonel", "diplomat", "economist", "veteran", "winger", "keeper",
      "manager", "coordinator", "organiser", "organizer", "treasurer", "controller",
      "counsel", "attorney", "inspector", "investigator", "auditor", "founder", "co-founder",
      "shareholder", "investor", "worker", "employee", "staff", "consultant", "specialist");

LIST (am_words_place_prepositions,
      "in", "at", "to", "from", "near", "into", "across", "outside", "inside", "towards",
      "toward", "via", "around", "through", "throughout", "within", "across", "onto", "off",
      "between", "over", "beyond", "under");

LIST (am_words_speech_verbs,
      "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "warned",
      "warns", "wrote", "writes", "insisted", "insists", "argued", "argues", "explained",
      "explains", "recalled", "recalls", "replied", "replies", "continued", "stated",
      "states", "declared", "declares", "announced", "announces", "admitted", "admits",
      "noted", "notes", "stressed", "stresses", "acknowledged", "promised", "promises",
      "claimed", "claims", "urged", "urges", "complained", "tweeted", "posted",
      "estimated", "predicted", "suggested", "conceded", "cautioned", "vowed", "pledged",
      "confirmed", "denied", "reiterated", "emphasised", "emphasized", "responded",
      "countered", "boasted", "joked", "concluded", "remarked", "observed", "predicts",
      "saying", "telling", "adding", "accused", "accuses");

/* Speech verbs that introduce reported speech as a statement ("X said that…"). */
LIST (am_words_report_verbs,
      "said", "says", "told", "tells", "added", "warned", "insisted", "argued", "stated",
      "declared", "announced", "claimed", "stressed", "promised", "vowed", "pledged",
      "confirmed", "denied", "acknowledged", "admitted", "noted", "estimated", "predicted",
      "urged", "explained", "reiterated", "believes", "believed");

/* Words after a speech verb that show no reported clause follows. */
LIST (am_words_no_clause,
      "in", "on", "at", "during", "after", "before", "via", "through", "with", "by", "from",
      "of", "to", "for", "over", "late", "early", "last", "this", "yesterday", "today",
      "afterwards", "later", "earlier", "again", "also", "then", "separately", "publicly",
      "privately", "repeatedly", "further", "so");

LIST (am_words_pronouns_person, "he", "she", "He", "She");
LIST (am_words_pronouns_thing, "it", "they", "It", "They");

LIST (am_words_first_person,
      "we", "our", "us", "ours", "ourselves", "my", "me", "mine", "myself", "I", "We", "Our", "My");

LIST (am_words_determiners,
      "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these",
      "those", "some", "any", "all", "both", "each", "every", "several", "many", "most",
      "two", "three", "four", "five", "no");

LIST (am_words_descriptions,
      "company", "firm", "group", "agency", "ministry", "bank", "union", "party", "court",
      "authority", "commission", "council", "airline", "carrier", "club", "government",
      "country", "confederation", "federation", "institute", "organisation", "organization",
      "department", "regulator", "army", "alliance", "coalition", "chipmaker", "lender");

gboolean
am_words_contains (const char * const *list,
                   const char         *word,
                   gsize               length)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strncmp (list[i], word, length) == 0 && list[i][length] == '\0')
      return TRUE;
  return FALSE;
}
