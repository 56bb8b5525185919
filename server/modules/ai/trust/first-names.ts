/**
 * Common given names (English-speaking markets plus frequent European, Latin American, Indian
 * and East Asian ones). A listed name followed by a capitalised word is taken for a person.
 */
const NAMES = `
aaron abby abigail adam adrian adriana ahmed aisha alan albert alberto alejandro alex alexander
alexandra alexis ali alice alicia alison allison amanda amber amelia amir amit amy ana andre andrea
andreas andrew andy angela angelo anita ann anna anne annie anthony antonio anya arjun arthur ashley
audrey austin ava barbara ben benjamin beth bethany bill billy blake bob bobby brad bradley brandon
brenda brendan brian brianna bridget brittany brooke bruce bryan caitlin caleb cameron camila carl
carla carlos carmen carol caroline carolyn carrie casey catherine cathy chad charles charlie charlotte
chelsea chen cheryl chloe chris christian christina christine christopher cindy claire clara claudia
cody colin connor courtney craig crystal cynthia dale damian dan dana daniel daniela danielle daria
darren dave david dawn dean deborah debra denise dennis derek diana diane diego dmitri dominic donald
donna doug douglas dylan ed eddie edward elaine elena eli elijah elizabeth ella ellen emily emma eric
erica erik erin ethan eva evan evelyn fatima felix fernando fiona frances francesca francisco frank
fred gabriel gabriela gary gavin george georgia gerald gina giulia giuseppe grace graham grant greg
gregory hailey hannah hans harper harry heather hector helen henry hiroshi holly hugo ian igor isaac
isabel isabella ivan jack jackie jacob jacqueline jake james jamie jan jane janet janice jared jasmine
jason javier jay jean jeff jeffrey jenna jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan
joanna joe joel johan john johnny jon jonathan jordan jorge jose joseph josh joshua joy juan judith
judy julia julian julie justin kai karen karim kate katherine kathleen kathryn kathy katie kayla
keith kelly ken kenneth kevin kim kimberly kristen kristin kyle lara laura lauren leah lee leo leon
leslie liam lily linda lisa liz logan lois lori louis lucas lucia lucy luis luke lydia madison
maggie mandy manuel marc marco marcus margaret maria marie marina mario mark marta martha martin mary
mason matt matthew maya megan mei melanie melissa michael michelle miguel mike mila mohammed monica
morgan nadia nancy naomi natalie nathan neil nicholas nick nicole nina noah noel olga oliver olivia
omar oscar owen pablo pamela patricia patrick paul paula pedro peter philip phillip pierre pooja
priya rachel rafael rahul raj ralph ramon randy raquel ravi ray raymond rebecca riley rita rob robert
roberto robin rodrigo roger ron ronald rosa rose ross ruby russell ruth ryan sabrina sally sam
samantha samuel sandra sara sarah scott sean sebastian sergei shannon sharon shawn sheila shirley
simon sofia sonia sophia sophie stacy stefan stephanie stephen steve steven susan suzanne sven tamara
tanya tara taylor ted teresa terry thomas tiffany tim timothy tina todd tom tommy tony tracy travis
tyler valentina valerie vanessa veronica vicky victor victoria vincent vivian walter wayne wei
wendy william willow xavier yuki yusuf zach zachary zoe
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
