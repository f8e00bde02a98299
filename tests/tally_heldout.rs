//! Held-out casualty texts for the report tally: short reports in the styles of local US
//! crime news, wire copy from other countries, disasters and police statements, written with
//! the victims killed and injured an analyst reads in them before the extractor was first run
//! on them. Perpetrators are not victims. Prints its score; fails below 85%.
//!
//! First run (before any change made after writing them): see DEVELOPERS.md.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stdout)] // a test or benchmark fails loudly and prints its figures

mod common;

use crosscheck::extract::Extractor;
use crosscheck::extract::tally::tally;
use crosscheck::model::{Corpus, Incident, Report};

/// (text, victims killed, victims injured).
const CASES: &[(&str, u64, u64)] = &[
    (
        "A 31-year-old Tacoma man was shot to death early Saturday outside a bar on Pacific Avenue, police said.",
        1,
        0,
    ),
    (
        "Two teenagers were wounded in a drive-by shooting Friday night in north Minneapolis. Both were taken to Hennepin County Medical Center with injuries that are not considered life-threatening.",
        0,
        2,
    ),
    (
        "Gunfire at a backyard party left one man dead and four other people hurt, the sheriff's office said.",
        1,
        4,
    ),
    (
        "Marisol Vega, 27, died at the scene. Her boyfriend was hospitalized in stable condition.",
        1,
        1,
    ),
    (
        "A security guard was fatally shot during a robbery at a jewelry store on Thursday. The gunman fled with cash and was later arrested.",
        1,
        0,
    ),
    (
        "Police said five people were shot, two of them fatally, when a fight broke out at a gas station.",
        2,
        3,
    ),
    (
        "A woman was critically injured after being struck by a stray bullet while sitting on her porch.",
        0,
        1,
    ),
    (
        "The suspect was shot by a deputy and died later at a hospital. No deputies were hurt.",
        0,
        0,
    ),
    (
        "A 9-year-old girl was shot in the leg Sunday afternoon. She is expected to survive, police said.",
        0,
        1,
    ),
    (
        "Officers found a man suffering from a gunshot wound to the chest. He was pronounced dead at a local hospital.",
        1,
        0,
    ),
    (
        "A gunman opened fire on a crowded market in Peshawar, killing six people and wounding 14 others before he was shot dead by police.",
        6,
        14,
    ),
    (
        "Floods in the southern province of Sindh have killed at least 23 people, officials said on Monday.",
        23,
        0,
    ),
    (
        "A bus plunged into a ravine in the Nepalese district of Dhading, killing 18 passengers and injuring 30, police said.",
        18,
        30,
    ),
    (
        "Three Kenyan police officers were killed when their vehicle struck a roadside bomb near the Somali border.",
        3,
        0,
    ),
    (
        "A man and his wife were found dead inside their home on Elm Street in what police are calling a murder-suicide.",
        // Written as 2; but one of the two is the killer, and perpetrators are not victims.
        1,
        0,
    ),
    (
        "The double homicide happened just after midnight in the 1200 block of West 63rd Street.",
        2,
        0,
    ),
    (
        "No one was injured in the shooting, but several cars and a house were struck by bullets.",
        0,
        0,
    ),
    (
        "A teenager was killed and his 15-year-old brother was wounded when someone fired into their car.",
        1,
        1,
    ),
    (
        "The earthquake killed 41 people and injured hundreds in the mountain town, state television said.",
        41,
        200,
    ),
    (
        "Authorities said a 19-year-old student was shot and killed on campus on Wednesday. A second student was treated for a graze wound and released.",
        1,
        1,
    ),
    (
        "A Philadelphia police officer was shot in the shoulder while serving a warrant and is in stable condition.",
        0,
        1,
    ),
    (
        "Two men were shot and killed and a third was injured outside a nightclub in downtown Memphis early Sunday.",
        2,
        1,
    ),
    (
        "Gunmen stormed a village in Zamfara state on Tuesday and shot dead 12 villagers, residents told Reuters.",
        12,
        0,
    ),
    (
        "An elderly woman was killed by a stray bullet. Her grandson, 7, was also hit and remains in critical condition.",
        1,
        1,
    ),
    (
        "A 17-year-old boy died Monday, two days after he was shot while walking home from school.",
        1,
        0,
    ),
    (
        "Three people were injured, one seriously, in the explosion at a chemical plant in Tianjin, local media reported.",
        0,
        3,
    ),
    (
        "Jerome Hill, 45, was found shot to death in his car. Investigators have not named a suspect.",
        1,
        0,
    ),
    (
        "The attack on the army post in Borno state killed seven soldiers, a military source said. Several insurgents were also killed.",
        7,
        0,
    ),
    (
        "A shooting at a birthday party in Houston left two dead and six wounded.",
        2,
        6,
    ),
    (
        "A man who shot his neighbor during an argument was arrested on Friday. The neighbor was treated at a hospital and released.",
        0,
        1,
    ),
    (
        "Four people died and 11 were hurt when a gas cylinder exploded at a restaurant in Lahore.",
        4,
        11,
    ),
    (
        "A toddler was accidentally shot by his 4-year-old brother at their home in rural Georgia. The boy was airlifted to a hospital in Atlanta.",
        0,
        1,
    ),
    (
        "Police said the gunman killed his estranged wife and her mother before turning the gun on himself.",
        2,
        0,
    ),
    (
        "Two bystanders were grazed by bullets and a third person was shot in the abdomen.",
        0,
        3,
    ),
    (
        "Officials in Manila said the typhoon left at least 50 people dead and more than 100 injured.",
        50,
        100,
    ),
    (
        "A delivery driver was shot multiple times on Tuesday evening. He later died of his injuries at Grady Memorial Hospital.",
        1,
        0,
    ),
];

/// A second batch, written after the rules above were built from the development set and
/// scored once before any change made for it (figure in DEVELOPERS.md).
const FRESH: &[(&str, u64, u64)] = &[
    (
        "A 52-year-old shopkeeper was stabbed to death during a robbery in east London on Friday night, the Metropolitan Police said.",
        1,
        0,
    ),
    (
        "Three people were wounded when a man opened fire outside a community centre in Malmo. Police said none of the injuries were life-threatening.",
        0,
        3,
    ),
    (
        "An explosion at a fireworks warehouse in the Mexican town of Tultepec killed at least 24 people and injured 49.",
        24,
        49,
    ),
    (
        "Authorities identified the victim as Darnell Price, 19. He was found lying in the street with multiple gunshot wounds and died at the scene.",
        1,
        0,
    ),
    (
        "A mother and her two young children were killed in the house fire, fire officials said.",
        3,
        0,
    ),
    (
        "Police in Durban said two security guards were shot dead and a third was seriously injured during a cash-in-transit heist.",
        2,
        1,
    ),
    (
        "A 16-year-old girl remains in critical condition after she was shot in the neck at a bus stop on Tuesday.",
        0,
        1,
    ),
    (
        "Six miners died and 11 others were rescued after a gas explosion in a coal mine in Shanxi province.",
        6,
        0,
    ),
    (
        "The suspect, a 40-year-old man, was shot and wounded by officers after he pointed a rifle at them.",
        0,
        0,
    ),
    (
        "One man was killed and another was injured in a shooting at an apartment complex on Oak Street late Saturday.",
        1,
        1,
    ),
    (
        "A landslide buried a village in western Uganda, killing 15 people; dozens more are missing.",
        15,
        0,
    ),
    (
        "Officer Maria Lopez was struck by a bullet in the arm and was treated at a hospital and released.",
        0,
        1,
    ),
    (
        "Seven people, including four children, were killed when an airstrike hit a house in the city of Taiz, residents said.",
        7,
        0,
    ),
    (
        "A man was found dead in his car on Monday morning. Police said he had been shot several times.",
        1,
        0,
    ),
    (
        "Two brothers, aged 14 and 17, were injured in the shooting. The older boy was shot in the chest.",
        0,
        2,
    ),
    (
        "The crash on the highway near Lyon left four dead and twelve injured, three of them seriously.",
        4,
        12,
    ),
    (
        "A woman was killed and her husband critically wounded when gunmen ambushed their car near the border town of Chaman.",
        1,
        1,
    ),
    (
        "Police said a 28-year-old man shot his girlfriend and then killed himself inside their apartment.",
        0,
        1,
    ),
    (
        "Nobody was hurt when shots were fired at the front of a pub in Belfast overnight.",
        0,
        0,
    ),
    (
        "At least 30 people died and hundreds were injured when a train derailed in Odisha, railway officials said.",
        30,
        200,
    ),
    (
        "A police officer died on Sunday, three days after he was shot during a traffic stop in Tulsa.",
        1,
        0,
    ),
    (
        "Kevin Marsh, 34, and Tanya Reed, 29, were pronounced dead at the scene.",
        2,
        0,
    ),
    (
        "A stray bullet struck a 7-year-old boy who was playing in his backyard. He was taken to a hospital in stable condition.",
        0,
        1,
    ),
    (
        "A bomb blast at a market in Maiduguri killed 12 people and wounded 48, a rescue official said.",
        12,
        48,
    ),
    (
        "An off-duty deputy was killed and two other people were wounded in a shooting at a bar in Fresno.",
        1,
        2,
    ),
    (
        "A 23-year-old man was shot in the leg during an argument over a parking space. His injuries are not considered life-threatening.",
        0,
        1,
    ),
    (
        "Four tourists were injured when a gunman opened fire on a beach resort near Sousse before security forces shot him dead.",
        0,
        4,
    ),
    (
        "The fire killed a firefighter and injured three residents of the building.",
        1,
        3,
    ),
    (
        "A teenager was fatally shot in the Bronx early Wednesday, police said. The victim, 17, was struck in the torso.",
        1,
        0,
    ),
    (
        "Dozens of people were injured when police fired tear gas at protesters in Nairobi.",
        0,
        24,
    ),
    (
        "A 60-year-old woman and her 35-year-old son were shot dead at their home in Culiacan.",
        2,
        0,
    ),
    (
        "The gunman killed two people at the store before he was arrested.",
        2,
        0,
    ),
];

/// A third batch, written after the second's fixes and before its own first run; scored once
/// before any change (figure in DEVELOPERS.md).
const THIRD: &[(&str, u64, u64)] = &[
    (
        "A 34-year-old man was killed and his cousin was wounded in a drive-by shooting in south Dallas on Saturday night.",
        1,
        1,
    ),
    (
        "Gunmen on motorcycles shot dead a local councillor and his bodyguard in the Philippine province of Cebu, police said.",
        2,
        0,
    ),
    (
        "Two firefighters were hurt battling the blaze, one of them seriously.",
        0,
        2,
    ),
    (
        "Sharon Miles, 62, was pronounced dead at a hospital. Her neighbor, who tried to help, was treated for a gunshot wound to the hand.",
        1,
        1,
    ),
    (
        "The ferry capsized off the coast of Bangladesh, and at least 45 passengers drowned, officials said.",
        45,
        0,
    ),
    (
        "A Chicago police officer was shot in the leg while chasing a suspect on the West Side. The officer is expected to recover.",
        0,
        1,
    ),
    (
        "Five people were shot, one of them fatally, at a graduation party in suburban Atlanta early Sunday.",
        1,
        4,
    ),
    (
        "A bus carrying pilgrims overturned in northern India, killing 11 people and injuring 20 others.",
        11,
        20,
    ),
    (
        "A 19-year-old was shot and killed outside a convenience store on Tuesday, and a 20-year-old friend was grazed.",
        1,
        1,
    ),
    (
        "No one was killed in the attack on the police station, but three officers were wounded, the provincial governor said.",
        0,
        3,
    ),
    (
        "A man was shot dead by police after he attacked officers with a knife in Marseille.",
        0,
        0,
    ),
    (
        "The victim, a 45-year-old father of three, died at the scene.",
        1,
        0,
    ),
    (
        "An avalanche swept through a ski resort in the Alps, killing four skiers.",
        4,
        0,
    ),
    (
        "A 13-year-old boy accidentally shot his 10-year-old sister with their father's handgun. She was flown to a children's hospital and is in serious condition.",
        0,
        1,
    ),
    (
        "Police said the gunman shot four people, killing two, before fleeing in a stolen car.",
        2,
        2,
    ),
    (
        "A car bomb exploded near a checkpoint in Mogadishu, killing at least eight people, among them three soldiers.",
        8,
        0,
    ),
    (
        "Jose Ramirez, 27, and his brother Luis, 24, were shot outside their home. Jose died at the hospital; Luis survived.",
        1,
        1,
    ),
    (
        "A woman was wounded by a stray bullet while sitting in her living room, police said.",
        0,
        1,
    ),
    (
        "Three people died and two were hospitalized after a fire tore through an apartment building in the Bronx.",
        3,
        2,
    ),
    (
        "The deputy fired at the suspect, who was struck twice and later died at the hospital.",
        0,
        0,
    ),
    (
        "An 8-year-old girl was killed by a stray bullet as she slept in her bedroom.",
        1,
        0,
    ),
    (
        "A shooting outside a high school football game left one student dead and three others injured.",
        1,
        3,
    ),
    (
        "Heavy rains triggered a landslide that killed 9 people and left 14 missing in the hills of Kerala.",
        9,
        0,
    ),
    (
        "A store clerk was shot in the chest during a holdup Sunday night. He is in critical condition.",
        0,
        1,
    ),
    (
        "Two women were killed and a man was seriously injured when a truck crashed into a bus stop in Berlin.",
        2,
        1,
    ),
    (
        "A teenager was arrested after a 16-year-old was stabbed to death at a party.",
        1,
        0,
    ),
    (
        "Authorities said a trooper was killed and another was wounded in an exchange of gunfire on the interstate.",
        1,
        1,
    ),
    (
        "A man opened fire inside a mosque, killing three worshippers and wounding seven.",
        3,
        7,
    ),
    (
        "A 70-year-old woman was found dead in her home. Investigators said she had been shot once in the head.",
        1,
        0,
    ),
    (
        "Police said nobody was hit when someone fired several shots at a passing car.",
        0,
        0,
    ),
];

/// A fourth batch, written (with its readings) before its first run, after the work on
/// police shootings and killers who died: local US crime news, wire copy from Afghanistan,
/// India, Kenya, Nigeria, Somalia, South Africa, China and Gaza, disasters and fires.
const FOURTH: &[(&str, u64, u64)] = &[
    (
        "Two men were shot and killed and a third was wounded outside a nightclub in Memphis early Sunday, police said.",
        2,
        1,
    ),
    (
        "A 45-year-old woman died Saturday, a day after she was shot in her car on Interstate 94, the Michigan State Police said.",
        1,
        0,
    ),
    (
        "Flooding in the southern state of Kerala has killed at least 37 people and displaced tens of thousands, officials said on Thursday.",
        37,
        0,
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Kabul on Monday, killing six civilians and wounding 11 others, the interior ministry said.",
        6,
        11,
    ),
    (
        "Police in Houston said a 3-year-old boy found his father's handgun and shot himself in the chest. He was listed in stable condition.",
        0,
        1,
    ),
    (
        "Officers responding to a domestic disturbance call found a man and a woman dead inside the home. Investigators believe the man shot the woman before turning the gun on himself.",
        1,
        0,
    ),
    (
        "A deputy was wounded and a suspect was killed in an exchange of gunfire on Highway 50 Tuesday night.",
        0,
        1,
    ),
    (
        "Three people, including a 10-year-old girl, were injured when gunfire erupted at a birthday party in Southeast Washington.",
        0,
        3,
    ),
    (
        "The earthquake killed at least 120 people and injured more than 1,000, according to the national disaster agency.",
        120,
        1000,
    ),
    (
        "No one was injured in the shooting, which damaged several parked cars, police said.",
        0,
        0,
    ),
    (
        "A security guard was shot dead and two customers were wounded during an armed robbery at a supermarket in Johannesburg on Friday.",
        1,
        2,
    ),
    (
        "Jamal Carter, 19, was pronounced dead at the scene. A 17-year-old who was with him was taken to Children's Hospital with a gunshot wound to the leg.",
        1,
        1,
    ),
    (
        "Gunmen attacked a village in Zamfara state overnight, killing 23 residents, a police spokesman said. Several others were missing.",
        23,
        0,
    ),
    (
        "A man who opened fire inside a crowded bar was shot and killed by an off-duty officer. Four patrons were hurt, one critically.",
        0,
        4,
    ),
    (
        "The boy, identified as Marcus Bell, died two days later at the hospital. His cousin, who was also shot, is recovering.",
        1,
        1,
    ),
    (
        "A train derailment in eastern India left 14 dead and 52 injured.",
        14,
        52,
    ),
    (
        "Authorities said a 62-year-old Fresno man fatally shot his neighbor during an argument over a fence and was arrested at the scene.",
        1,
        0,
    ),
    (
        "Two police officers were killed and a third was seriously wounded when a gunman ambushed them in their patrol car, the department said.",
        2,
        1,
    ),
    (
        "A woman and her two children were found shot to death in their apartment on Friday, and police were searching for the woman's ex-husband.",
        3,
        0,
    ),
    (
        "Four people were shot near a basketball court on the West Side on Wednesday evening. One of them, a 16-year-old boy, later died.",
        1,
        3,
    ),
    (
        "A stray bullet struck an 8-year-old girl as she slept in her bedroom, police said. She underwent surgery and was expected to survive.",
        0,
        1,
    ),
    (
        "At least 40 people were killed when a bomb ripped through a crowded market in the town of Baidoa, Somalia's state media reported.",
        40,
        0,
    ),
    (
        "The shooter, a 24-year-old former employee, killed five co-workers before he was shot dead by police.",
        5,
        0,
    ),
    (
        "A toddler was killed and his mother was critically injured when a car crashed into their home.",
        1,
        1,
    ),
    (
        "Three Palestinians were killed by Israeli fire near the border fence on Friday, the health ministry in Gaza said, and more than 200 were wounded.",
        3,
        200,
    ),
    (
        "A Vermont state trooper shot and wounded a man who had pointed a rifle at officers during a standoff, authorities said.",
        0,
        0,
    ),
    (
        "The victim, a 30-year-old father of three, was found lying in the street with several gunshot wounds and died at the hospital.",
        1,
        0,
    ),
    (
        "A gas explosion at a coal mine in Shanxi province killed 18 miners, while three others were rescued, state news agency Xinhua said.",
        18,
        0,
    ),
    (
        "Two brothers, ages 12 and 14, were wounded Saturday in a drive-by shooting on the city's east side.",
        0,
        2,
    ),
    (
        "Police said the gunman killed his estranged wife and her sister before killing himself.",
        2,
        0,
    ),
    (
        "A 71-year-old man was in critical condition after being shot during a carjacking in a grocery store parking lot Monday afternoon.",
        0,
        1,
    ),
    (
        "Five people died and seven were hospitalized after a fire tore through an apartment building in the Bronx early Sunday.",
        5,
        7,
    ),
    (
        "An Amtrak conductor was injured when someone fired a pellet gun at a passing train, officials said.",
        0,
        1,
    ),
    (
        "Kenyan police shot dead two suspected robbers in Nairobi on Tuesday after a chase, a police statement said.",
        0,
        0,
    ),
];

/// A fifth batch, written (with its readings) before its first run, at the end of the second
/// session on casualties: UK, Irish, Australian, Indonesian, Mexican, Indian, Philippine,
/// Ukrainian, Sudanese, Pakistani, French, Spanish, Libyan and US news; crimes, fires,
/// storms, floods, crashes and strikes.
const FIFTH: &[(&str, u64, u64)] = &[
    (
        "A 27-year-old man was stabbed to death outside a pub in Leeds on Saturday night, West Yorkshire Police said.",
        1,
        0,
    ),
    (
        "Two people were injured after a car was driven into pedestrians on a busy street in Melbourne, police said. Both were taken to the Royal Melbourne Hospital in a stable condition.",
        0,
        2,
    ),
    (
        "Gunmen killed nine people at a family gathering in the Mexican state of Guanajuato late on Sunday, local authorities said.",
        9,
        0,
    ),
    (
        "A landslide triggered by heavy rain buried a village in Indonesia's West Java province, killing at least 11 people, officials said. Dozens of residents were still missing.",
        11,
        0,
    ),
    (
        "Police said a 16-year-old boy was shot in the arm while walking home from school on Thursday afternoon. He is expected to recover.",
        0,
        1,
    ),
    (
        "An officer was shot and wounded during a traffic stop early Friday. The suspect fled on foot and was later taken into custody.",
        0,
        1,
    ),
    (
        "Three firefighters were injured battling a warehouse blaze in east London overnight, the London Fire Brigade said.",
        0,
        3,
    ),
    (
        "A 58-year-old woman died and her husband was seriously injured when their home was struck by a falling tree during the storm.",
        1,
        1,
    ),
    (
        "Russian shelling killed four civilians and wounded 12 others in the city of Kherson on Tuesday, the regional governor said.",
        4,
        12,
    ),
    (
        "The body of a man with multiple stab wounds was found in a park in Manila on Monday morning, police said.",
        1,
        0,
    ),
    (
        "A teenager was killed and two others were hurt when a gunman opened fire at a house party in suburban Atlanta early Sunday.",
        1,
        2,
    ),
    (
        "A bus carrying pilgrims plunged into a gorge in northern India, killing 22 people and injuring 18, police said.",
        22,
        18,
    ),
    (
        "The suspect, a 34-year-old man, was shot dead by police after he fired at officers outside a courthouse.",
        0,
        0,
    ),
    (
        "Paramedics treated five people for smoke inhalation after a fire broke out in a high-rise apartment. No one was seriously hurt.",
        0,
        5,
    ),
    (
        "A woman in her 40s was found dead in her home in Dublin on Wednesday. Gardai said they were treating the death as suspicious.",
        1,
        0,
    ),
    (
        "An airstrike on a market in the Sudanese city of El Fasher killed at least 15 people, a local monitoring group said.",
        15,
        0,
    ),
    (
        "Two men were arrested after a shooting that left a 19-year-old dead and a 21-year-old wounded in Camden on Friday.",
        1,
        1,
    ),
    (
        "A 6-year-old girl was critically injured when she was struck by a stray bullet inside her family's apartment, police said.",
        0,
        1,
    ),
    (
        "Flash floods swept through a campsite in southern France, killing two tourists. Rescuers were searching for a third.",
        2,
        0,
    ),
    (
        "A gunman shot and killed his former boss and wounded a co-worker at an office building in Houston before surrendering to police.",
        1,
        1,
    ),
    (
        "Seven soldiers were killed and nine wounded when militants attacked an army post in northwestern Pakistan, the military said.",
        7,
        9,
    ),
    (
        "A cyclist died after being hit by a lorry on the A40 in west London on Monday morning.",
        1,
        0,
    ),
    (
        "The boy's mother, who was also shot, remains in critical condition at Grady Memorial Hospital.",
        0,
        1,
    ),
    (
        "A man was killed and his brother was injured in a shooting outside a convenience store on the city's north side, police said.",
        1,
        1,
    ),
    (
        "Israeli strikes killed 18 Palestinians, including five children, across the Gaza Strip on Saturday, health officials said.",
        18,
        0,
    ),
    (
        "A 72-year-old man suffered a broken hip when he was pushed to the ground during a robbery in Brooklyn.",
        0,
        1,
    ),
    (
        "Two teenagers were shot, one fatally, near a high school football stadium in Mobile on Friday night.",
        1,
        1,
    ),
    (
        "Authorities said the gunman killed three people at a supermarket before taking his own life.",
        3,
        0,
    ),
    (
        "A coach carrying schoolchildren overturned on a motorway in Spain, injuring 23 pupils and two teachers.",
        0,
        25,
    ),
    (
        "No one was hurt when shots were fired into an occupied home on Elm Street overnight, police said.",
        0,
        0,
    ),
    (
        "Eleven migrants drowned when their boat capsized off the coast of Libya, the International Organization for Migration said. Four survivors were rescued.",
        11,
        0,
    ),
    (
        "A 40-year-old man was fatally shot Sunday evening in what police described as a targeted attack. A second man, 35, was grazed by a bullet and treated at the scene.",
        1,
        1,
    ),
];

/// A sixth batch, written (with its readings) before its first run, at the start of the third
/// session on casualties: Pakistani, British, Indian, Malian, Congolese, Swedish, Ugandan,
/// Palestinian, Belgian, Sudanese, Czech, Philippine, South African, Nigerian, Lebanese,
/// Australian, Kenyan and US news; bombs, crashes, fires, floods, avalanches, stabbings and shootings.
const SIXTH: &[(&str, u64, u64)] = &[
    (
        "Four people were killed and at least 20 wounded when a suicide bomber blew himself up at a market in northwest Pakistan on Friday, police said.",
        4,
        20,
    ),
    (
        "A 45-year-old cyclist died in hospital after being hit by a lorry on the A38 near Derby on Wednesday.",
        1,
        0,
    ),
    (
        "Five members of the same family, including three children, died when fire swept through their terraced house in Bradford early on Sunday.",
        5,
        0,
    ),
    (
        "Police in Chicago said a 19-year-old man was killed and a 17-year-old girl was wounded in a drive-by shooting in the Englewood neighborhood Saturday night.",
        1,
        1,
    ),
    (
        "The earthquake, which struck at a depth of 10 km, killed at least 37 people and injured more than 300, the disaster agency said.",
        37,
        300,
    ),
    (
        "A farmer was trampled to death by a wild elephant in Kerala's Wayanad district on Monday, forest officials said.",
        1,
        0,
    ),
    (
        "Six soldiers were killed and eight others wounded when their convoy hit a roadside bomb in Mali's central Mopti region, the army said in a statement.",
        6,
        8,
    ),
    (
        "No one was injured in the blaze, which destroyed a disused factory in Glasgow on Tuesday evening.",
        0,
        0,
    ),
    (
        "A gunman opened fire inside a supermarket in Boulder, Colorado, killing 10 people, including a police officer. The suspect was wounded and taken into custody.",
        10,
        0,
    ),
    (
        "Two hikers were rescued after falling into a ravine in the Swiss Alps; one of them suffered a broken leg, police said.",
        0,
        1,
    ),
    (
        "A passenger train derailed in eastern Congo, leaving at least 60 people dead and 45 injured, officials said.",
        60,
        45,
    ),
    (
        "A 72-year-old woman was found dead in her flat in Dublin and a man in his 30s has been arrested, gardai said.",
        1,
        0,
    ),
    (
        "Three climbers died and two were injured in an avalanche on Mont Blanc on Saturday, French authorities said.",
        3,
        2,
    ),
    (
        "A man was shot dead and a woman critically injured in what police described as a targeted attack in south Stockholm late on Friday.",
        1,
        1,
    ),
    (
        "At least 14 people drowned after an overloaded boat capsized on Lake Albert, Ugandan police said, adding that 23 passengers had been rescued.",
        14,
        0,
    ),
    (
        "A school bus collided with a truck in Ohio on Monday morning, injuring 11 students and the driver, the state highway patrol said.",
        0,
        12,
    ),
    (
        "Israeli air strikes killed at least 25 Palestinians in Gaza overnight, the territory's health ministry said, while the Israeli military said it had struck militant targets.",
        25,
        0,
    ),
    (
        "Two police officers were stabbed in central Brussels on Friday. Their injuries are not life-threatening, prosecutors said.",
        0,
        2,
    ),
    (
        "A toddler died after being left in a hot car for several hours in Phoenix, police said. The child's father has been charged.",
        1,
        0,
    ),
    (
        "An explosion at a fireworks factory in Tamil Nadu killed eight workers and injured five others on Saturday.",
        8,
        5,
    ),
    (
        "The 23-year-old victim was pronounced dead at the scene, while a second man was taken to a local hospital with non-life-threatening injuries.",
        1,
        1,
    ),
    (
        "A Ukrainian drone attack on a refinery in Russia's Krasnodar region caused a fire but no casualties, the regional governor said.",
        0,
        0,
    ),
    (
        "Witnesses said the gunmen stormed the church during Sunday mass, killing the priest and 12 worshippers, before setting fire to nearby homes.",
        13,
        0,
    ),
    (
        "Flash floods in northern Afghanistan have killed more than 50 people and left hundreds missing, the Taliban government said.",
        50,
        0,
    ),
    (
        "A woman and her two children were hurt when a car crashed into their home in Leicester on Thursday night.",
        0,
        3,
    ),
    (
        "A nurse was killed when a rocket hit a hospital in Sudan's El Fasher, Doctors Without Borders said, and three patients were wounded.",
        1,
        3,
    ),
    (
        "A man in his 50s died after being assaulted outside a nightclub in Cardiff in the early hours of Sunday, South Wales Police said.",
        1,
        0,
    ),
    (
        "Twelve people were hurt, two of them seriously, when a tram and a bus collided in central Prague.",
        0,
        12,
    ),
    (
        "The ferry fire killed 29 people; 11 others were treated for burns and smoke inhalation, the Philippine coast guard said.",
        29,
        11,
    ),
    (
        "A security guard was killed and a cashier wounded during an armed robbery at a jewellery store in Johannesburg on Wednesday.",
        1,
        1,
    ),
    (
        "A gas cylinder explosion in a crowded restaurant in Lagos killed three people and injured 15, the state emergency agency said.",
        3,
        15,
    ),
    (
        "Authorities said a man killed his estranged wife and her mother before turning the gun on himself at a home in rural Tennessee.",
        2,
        0,
    ),
    (
        "Two journalists were among five people killed in an Israeli strike on a car in southern Lebanon, the state news agency said.",
        5,
        0,
    ),
    (
        "A 14-year-old boy has died and another boy is in a serious condition after they were stabbed in north London on Tuesday.",
        1,
        1,
    ),
    (
        "A light aircraft crashed into a field near Toowoomba on Sunday, killing the pilot and his passenger.",
        2,
        0,
    ),
    (
        "A grenade attack on a police station in Manipur left two officers dead and four injured, officials said.",
        2,
        4,
    ),
    (
        "At least 30 protesters were injured when police fired tear gas and rubber bullets in Nairobi, and one man was shot dead, Amnesty Kenya said.",
        1,
        30,
    ),
];

/// A seventh batch, written (with its readings) before its first run, late in the third
/// session on casualties: Peruvian, Slovak, Colombian, Chilean, Canadian, Thai, South African,
/// Afghan, Irish, Somali, Bangladeshi, Nigerian, Indian, Mexican, Burkinabe, Ukrainian, British
/// and US news; crashes, mines, fires, bombs, stampedes, storms, animals and shootings.
const SEVENTH: &[(&str, u64, u64)] = &[
    (
        "Three people were killed and 14 injured when a tour bus overturned on a mountain road in Peru's Cusco region on Sunday, police said.",
        3,
        14,
    ),
    (
        "A gunman killed two people at a bar in Bratislava before being shot dead by police.",
        2,
        0,
    ),
    (
        "A 61-year-old woman was critically injured after being struck by a hit-and-run driver in Queens on Tuesday night, the NYPD said.",
        0,
        1,
    ),
    (
        "Eight miners died and three remain trapped after a methane explosion at a coal mine in Colombia's Boyaca department.",
        8,
        0,
    ),
    (
        "A teenager was fatally stabbed at a train station in south London on Friday evening, the Metropolitan Police said.",
        1,
        0,
    ),
    (
        "At least 40 people were wounded when police fired rubber bullets at protesters in Santiago, Chile's human rights institute said.",
        0,
        40,
    ),
    (
        "Two firefighters suffered minor injuries while battling a house fire in Calgary early Thursday.",
        0,
        2,
    ),
    (
        "A Thai soldier was killed and two others wounded in a bomb attack in the southern province of Narathiwat on Monday.",
        1,
        2,
    ),
    (
        "The body of a missing hiker was recovered from a lake in Colorado on Saturday, the sheriff's office said.",
        1,
        0,
    ),
    (
        "A six-year-old boy died after being attacked by a dog at a house in Merseyside, police said.",
        1,
        0,
    ),
    (
        "A man was shot in the leg during an attempted robbery in Durban on Wednesday and is in a stable condition.",
        0,
        1,
    ),
    (
        "Two Afghan police officers were killed when gunmen attacked a checkpoint in Kandahar province overnight, a provincial spokesman said.",
        2,
        0,
    ),
    (
        "A double-decker bus crash in Dublin left 12 passengers injured, three of them seriously.",
        0,
        12,
    ),
    (
        "A father and his two sons drowned while trying to rescue a dog from a river in Punjab.",
        3,
        0,
    ),
    (
        "Police in Memphis said a 22-year-old man was found shot to death inside a car early Sunday.",
        1,
        0,
    ),
    (
        "A suicide car bomb killed at least 18 people, including five children, and wounded 31 in Mogadishu on Saturday.",
        18,
        31,
    ),
    (
        "Nobody was hurt when a gunman fired several shots at a synagogue in Hamburg, police said.",
        0,
        0,
    ),
    (
        "Ten people, most of them women, were injured in a stampede at a religious festival in Bangladesh.",
        0,
        10,
    ),
    (
        "Rescuers pulled 14 survivors from the rubble, but 23 others were confirmed dead after the building collapsed in Lagos.",
        23,
        0,
    ),
    (
        "A woman and her daughter were killed and her husband was seriously injured in a head-on collision near Toronto on Friday.",
        2,
        1,
    ),
    (
        "A police officer shot and killed a man who charged at him with a knife in Albuquerque, authorities said.",
        0,
        0,
    ),
    (
        "Seven people were taken to hospital after a chemical leak at a factory in Gujarat, officials said.",
        0,
        7,
    ),
    (
        "Two boys, aged 14 and 15, were stabbed outside a school in Birmingham on Monday afternoon; both are expected to survive.",
        0,
        2,
    ),
    (
        "An avalanche in the Indian Himalayas killed four soldiers and left one missing, the army said.",
        4,
        0,
    ),
    (
        "Jose Martinez, 45, and his nephew Luis, 19, were shot dead outside their home in Tijuana late Saturday.",
        2,
        0,
    ),
    (
        "A grenade thrown into a crowded market in Kashmir injured 11 civilians on Sunday, police said.",
        0,
        11,
    ),
    (
        "The crash killed the driver of the car instantly, and his passenger died later in hospital.",
        2,
        0,
    ),
    (
        "A woman in her 70s was seriously injured after being hit by a bus in Edinburgh city centre.",
        0,
        1,
    ),
    (
        "Twelve people were injured, one critically, when a tornado tore through a trailer park in Alabama.",
        0,
        12,
    ),
    (
        "Gunmen on motorcycles killed a village chief and his son in northern Burkina Faso, security sources said.",
        2,
        0,
    ),
    (
        "A 30-year-old man died and four others were hurt when a gas explosion ripped through an apartment block in Kyiv.",
        1,
        4,
    ),
    (
        "Three paramedics were injured when their ambulance was hit by a lorry in Glasgow on Saturday night.",
        0,
        3,
    ),
    (
        "A landmine blast killed two shepherds and wounded a third near the border, officials said.",
        2,
        1,
    ),
    (
        "An 82-year-old man was killed in a house fire in rural Ohio on Thursday; his wife escaped unhurt.",
        1,
        0,
    ),
];

fn report_of(text: &str) -> (Corpus, Report) {
    let report = common::plain_report(text, "2024-06-11", &["i1"]);
    let incident = Incident {
        id: "i1".into(),
        title: "held-out".into(),
        date: None,
        date_inferred: None,
        place: String::new(),
        summary: String::new(),
    };
    let corpus = Corpus {
        version: 1,
        incidents: vec![incident],
        reports: vec![report.clone()],
    };
    (corpus, report)
}

/// The share of `cases` whose tally is as expected, printed with the misses.
fn score(name: &str, cases: &[(&str, u64, u64)]) -> f64 {
    let extractor = Extractor::default();
    let mut right = 0;
    let mut wrong = Vec::new();
    for &(text, killed, injured) in cases {
        let (corpus, report) = report_of(text);
        let claims = extractor.report(&report, &corpus);
        let t = tally(&claims, "i1");
        let got = (t.killed.low, t.injured.low);
        if got == (killed, injured) {
            right += 1;
        } else {
            wrong.push(format!(
                "  got {got:?}, expected {:?}: {text}",
                (killed, injured)
            ));
        }
    }
    let share = right as f64 / cases.len() as f64;
    println!(
        "{name}: {right}/{} exact ({share:.2})\n{}",
        cases.len(),
        wrong.join("\n")
    );
    share
}

#[test]
fn held_out_texts_tally_as_an_analyst_reads_them() {
    assert!(
        score("held-out tallies", CASES) >= 0.85,
        "held-out tallies below 0.85"
    );
}

#[test]
fn fresh_texts_tally_as_an_analyst_reads_them() {
    assert!(
        score("fresh tallies", FRESH) >= 0.85,
        "fresh tallies below 0.85"
    );
}

#[test]
fn third_batch_tallies_as_an_analyst_reads_it() {
    assert!(
        score("third tallies", THIRD) >= 0.85,
        "third tallies below 0.85"
    );
}

#[test]
fn fourth_batch_tallies_as_an_analyst_reads_it() {
    assert!(
        score("fourth tallies", FOURTH) >= 0.85,
        "fourth tallies below 0.85"
    );
}

#[test]
fn fifth_batch_tallies_as_an_analyst_reads_it() {
    assert!(
        score("fifth tallies", FIFTH) >= 0.85,
        "fifth tallies below 0.85"
    );
}

#[test]
fn sixth_batch_tallies_as_an_analyst_reads_it() {
    assert!(
        score("sixth tallies", SIXTH) >= 0.85,
        "sixth tallies below 0.85"
    );
}

#[test]
fn seventh_batch_tallies_as_an_analyst_reads_it() {
    assert!(
        score("seventh tallies", SEVENTH) >= 0.85,
        "seventh tallies below 0.85"
    );
}
