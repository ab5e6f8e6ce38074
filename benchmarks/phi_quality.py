"""PHI redaction quality per source and per identifier type: recall, name recall, precision, clinical
facts kept, and speed.

Sources (``--source``, repeatable):
- ``generator``: notes from clinsum's synthetic note generator with identifiers planted in varied
  formats, positions and casings, their spans known, plus allow-list distractors. Names come from
  Faker's person lists of twelve locales; the redactor's name lists are the US Census lists, a
  different source (the overlap is printed).
- ``handwritten``: benchmarks/data/phi_handwritten.txt, 34 hand-written notes and dialogues in styles
  the generator does not produce, every identifier annotated; written before tuning for issue 23, then
  used as development data.
- ``handwritten-2``: benchmarks/data/phi_handwritten_2.txt, a second hand-annotated set of 34 notes and
  dialogues written before the recognizers were changed for it; report only, never tuned on.
- ``dev-3``: benchmarks/data/phi_dev_3.txt, 122 notes and dialogues written and annotated by four
  sessions that saw neither the redactor nor its results (written notes; speech and dictation; clinic,
  work-health, chat and form text; social histories and other countries' notes); development data,
  its misses read.
- ``handwritten-3``: benchmarks/data/phi_handwritten_3.txt, 34 notes and dialogues written and annotated
  the same way by a third session; report only, never tuned on, its misses never read.
- ``dev-4``: benchmarks/data/phi_dev_4.txt, 120 documents (1,104 identifiers) written and annotated the same way in the
  eighth sitting by four sessions (social work and letters; speech; reports, forms, HL7 and CSV; sign-outs, chat and
  messages); development data, its misses read.
- ``handwritten-4``: benchmarks/data/phi_handwritten_4.txt, 35 documents (350 identifiers) written and annotated the
  same way in the eighth sitting, a broad mix of hospital text; report only, its misses never read.
- ``dev-5``: benchmarks/data/phi_dev_5.txt, 90 documents (916 identifiers) written and annotated the same way in the
  ninth sitting by three sessions (places and organisations; conversations; inpatient and specialty notes);
  development data: it chose the institution and place tagger's threshold, its misses read.
- ``handwritten-5``: benchmarks/data/phi_handwritten_5.txt, 36 documents (375 identifiers) written and annotated the
  same way in the ninth sitting, a broad mix of hospital text; report only, its misses never read.
- ``dev-6``: benchmarks/data/phi_dev_6.txt, 60 documents (626 identifiers) written and annotated the same way later in
  the ninth sitting (people named without cue words; where people live, work and get care); development data.
- ``handwritten-6``: benchmarks/data/phi_handwritten_6.txt, 36 documents (375 identifiers) written and annotated the
  same way with dev-6, a broad mix of hospital text; report only, its misses never read.
- ``dev-7``: benchmarks/data/phi_dev_7.txt, 30 documents (309 identifiers) written and annotated the same way at the end
  of the ninth sitting, a quick mix of a hospital's week; development data.
- ``handwritten-7``: benchmarks/data/phi_handwritten_7.txt, 35 documents (379 identifiers) written and annotated the
  same way with dev-7; report only, its misses never read.
- ``handwritten-8``: benchmarks/data/phi_handwritten_8.txt, 35 documents (371 identifiers) written and annotated the
  same way at the end of the ninth sitting, a broad mix of hospital text; report only, its misses never read.
- ``dev-8``: benchmarks/data/phi_dev_8.txt, 35 documents (395 identifiers) written and annotated the same way in the
  tenth sitting (rural and community care, letters from other countries, phone calls in lowercase speech, staff
  messages, pasted tables); development data.
- ``handwritten-9``: benchmarks/data/phi_handwritten_9.txt, 35 documents (399 identifiers) written and annotated the
  same way with dev-8, a city hospital's departments; report only, its misses never read.
- ``dev-9``: benchmarks/data/phi_dev_9.txt, 64 documents (786 identifiers) written and annotated the same way in the
  eleventh sitting by two sessions (speech: dialogues, transcripts, dictation, calls, handoffs; structured paperwork:
  sign-out lists, OR schedules, rosters, run sheets, letters, report headers); development data.
- ``handwritten-10``: benchmarks/data/phi_handwritten_10.txt, 32 documents (396 identifiers) written and annotated the
  same way with dev-9, a community hospital and its clinics in the US South and Midwest; report only, its misses never
  read.
- ``handwritten-11``: benchmarks/data/phi_handwritten_11.txt, 33 documents (393 identifiers) written and annotated the
  same way with dev-9, English clinical text of Asia, Africa, the Caribbean, Scotland and Wales and of US
  immigrant-community clinics; report only, its misses never read.
- ``dev-10``: benchmarks/data/phi_dev_10.txt, 32 documents (396 identifiers) written and annotated the same way later
  in the eleventh sitting (the hard cases: people named with no cue, names that are words or places, organisations
  and towns with no head or cue word); development data.
- ``handwritten-12``: benchmarks/data/phi_handwritten_12.txt, 33 documents (387 identifiers) written and annotated the
  same way with dev-10, a week of a regional health system's text; report only, its misses never read.
- ``handwritten-13``, ``handwritten-14``: benchmarks/data/phi_handwritten_13.txt and _14.txt, 32 documents each (444
  and 405 identifiers) written and annotated the same way in the twelfth sitting from an annotation guide alone
  (Australia, New Zealand, Ireland, Canada and England; US outpatient and specialty care); report only, their misses
  never read.
- ``dev-11``: benchmarks/data/phi_dev_11.txt, 32 documents (449 identifiers) written the same way in the twelfth
  sitting (hard cases: names that are words after a cue, Irish, Welsh, Maori and Hawaiian names and places, OR
  tables, lowercase speech, organisations with no head word); development data.
- ``handwritten-15``, ``handwritten-16``: benchmarks/data/phi_handwritten_15.txt and _16.txt, 32 documents each (438
  and 444 identifiers) written the same way in the thirteenth sitting (English text of continental Europe, Latin
  America, South Asia and the Middle East; US inpatient care in the Midwest, South and New England); report only, their
  misses never read.
- ``dev-12``: benchmarks/data/phi_dev_12.txt, 32 documents (448 identifiers) written the same way in the thirteenth
  sitting (hard cases: towns of many countries with no cue, names in census columns and in parentheses, names of
  several words, organisations with no head word, local phones with no cue); development data.
- ``dev-13``: benchmarks/data/phi_dev_13.txt, 32 documents (441 identifiers) written the same way in the thirteenth
  sitting, in handwritten-15's style (text of other countries, with labels in their languages); development data.
- ``handwritten-17``, ``handwritten-18``: benchmarks/data/phi_handwritten_17.txt and _18.txt, 32 documents each
  written the same way in the fourteenth sitting (primary and community care of the UK, Ireland, Australia, New
  Zealand, Canada and South Africa; spoken and conversational US text: transcripts, calls, voicemails, chat); report
  only, their misses never read.
- ``dev-14``, ``dev-15``: benchmarks/data/phi_dev_14.txt and _15.txt, 32 documents each (446 and 445 identifiers)
  written the same way in the fourteenth sitting (spoken and conversational North American text; Commonwealth
  paperwork with its local numbers, postcodes and places); development data.
- ``handwritten-19``, ``handwritten-20``: benchmarks/data/phi_handwritten_19.txt and _20.txt, written the same way in
  the fifteenth sitting (US hospital inpatient paperwork; MTS-Dialog-style dialogues and the note sections written
  from them); report only, their misses never read.
- ``dev-16``, ``dev-17``: benchmarks/data/phi_dev_16.txt and _17.txt, written the same way in the fifteenth sitting
  (US hospital and specialty paperwork, messages and sign-outs; MTS-Dialog-style dialogues and note sections);
  development data.
- ``handwritten-21``, ``handwritten-22``: benchmarks/data/phi_handwritten_21.txt and _22.txt, 32 and 33 documents (438
  and 408 identifiers) written the same way in the sixteenth sitting (US ambulatory care: clinic notes, letters,
  phone and portal messages, forms, dictations; MTS-Dialog-style dialogues with behavioural-health, social-work,
  triage and hand-off notes); report only, their misses never read.
- ``handwritten-23``, ``handwritten-24``: benchmarks/data/phi_handwritten_23.txt and _24.txt, 32 documents each (443
  and 444 identifiers) written the same way in the seventeenth sitting (US and Canadian long-term, home, hospice,
  maternity, paediatric, dental, therapy and occupational care, appeals and court-ordered evaluations; US, UK, Indian
  and Australian specialty and research paperwork: tumour boards, pedigrees, transplant and trial records, chat and
  email threads, rotas, incident reports); report only, their misses never read.
- ``dev-18``, ``dev-19``: benchmarks/data/phi_dev_18.txt and _19.txt, 32 documents each (428 and 400 identifiers)
  written the same way in the seventeenth sitting (hospital team communication: chat, pager and e-mail threads, rotas,
  sign-outs, MDT minutes, research and transplant notes; community, long-term and family care: care homes, home and
  district nursing, hospice, school health, maternity, therapy notes, insurance letters, transcribed calls);
  development data.
- ``handwritten-25``, ``handwritten-26``: benchmarks/data/phi_handwritten_25.txt and _26.txt, 32 documents each (434
  and 445 identifiers) written the same way in the eighteenth sitting (paperwork around care in the US, UK, Canada,
  Ireland, Australia and New Zealand: benefit statements, prior authorisations, capacity forms, requisitions, blood-bank,
  implant and controlled-drug records, coroner and police liaison, phone calls; emergency, acute and spoken text from
  the Americas, Africa, Asia and the Pacific: run sheets, radio handovers, triage, holds, pager logs, speech-to-text);
  report only, their misses never read.
- ``dev-20``, ``dev-21``: benchmarks/data/phi_dev_20.txt and _21.txt, 32 documents each (439 and 446 identifiers)
  written the same way in the eighteenth sitting (identifier-heavy records: face sheets, labels, lab and pharmacy logs,
  implant and blood-bank logs, payer letters, trial logs, audit trails; casual team writing: lowercase chats, pager and
  overhead-call logs, capitals sign-outs and bed boards, charts with staff initials that look like abbreviations);
  development data.
- ``handwritten-27``, ``handwritten-28``: benchmarks/data/phi_handwritten_27.txt and _28.txt, 32 documents each (445
  and 449 identifiers) written the same way in the nineteenth sitting (outpatient specialist care in eight countries:
  clinic letters, oncology and renal notes, MDT lists, fertility, antenatal, paediatric and geriatric clinics, genetics
  family histories, telehealth transcripts, portal messages, sleep and audiology reports; community and primary care in
  ten countries: GP consultations, telephone triage in lowercase speech, district nursing, care homes, pharmacies,
  school nurses, midwives, crisis teams, hospice, outreach, carers' texts); report only, their misses never read.
- ``dev-22``, ``dev-23``: benchmarks/data/phi_dev_22.txt and _23.txt, 32 documents each (446 and 445 identifiers)
  written the same way in the nineteenth sitting (outpatient specialist care and its paperwork: clinic letters, MDT
  lists, pedigree narratives, clinic lists, telehealth, referral triage, reports with staff initials; community,
  primary and emergency care, much of it spoken: triage calls with numbers read aloud, handovers, run sheets,
  safeguarding, shelters, carers' messages); development data.
- ``handwritten-29``, ``handwritten-30``: benchmarks/data/phi_handwritten_29.txt and _30.txt, 32 documents each (448
  and 444 identifiers) written the same way in the twentieth sitting (inpatient care in nine countries: ward rounds,
  nursing and handover sheets, drug charts, incident reports, capitals bed boards, discharge and transfer letters, ICU
  and theatre records, chaplaincy and social work; spoken and informal text in ten countries: tagged and untagged
  consultations, speech-to-text, voicemail, interpreted and telehealth calls, diaries, forum posts, text reminders,
  families' letters); report only, their misses never read.
- ``dev-24``, ``dev-25``: benchmarks/data/phi_dev_24.txt and _25.txt, 32 documents each (447 and 443 identifiers)
  written the same way in the twentieth sitting (inpatient care in ten other countries; spoken and informal text in
  ten other countries); development data.
- ``handwritten-31``, ``handwritten-32``: benchmarks/data/phi_handwritten_31.txt and _32.txt, 32 documents each (444
  and 449 identifiers) written the same way in the twenty-first sitting (community and primary care in eleven
  countries: referral letters, pharmacy, dental and optometry charts, physiotherapy and home visits, community mental
  health, care homes, school and occupational health, vaccination records, clinicians' messages, a complaint;
  emergency, pre-hospital and administrative text in ten countries: ambulance reports, triage, ED whiteboards, police
  and coroner liaison, safeguarding, insurance claims, billing, schedules, audit logs, requisitions, worklists, pasted
  rows, call-centre transcripts); report only, their misses never read.
- ``dev-26``, ``dev-27``: benchmarks/data/phi_dev_26.txt and _27.txt, 32 documents each (448 and 449 identifiers)
  written the same way in the twenty-first sitting (the same two styles in other countries); development data.
- ``handwritten-33``, ``handwritten-34``: benchmarks/data/phi_handwritten_33.txt and _34.txt, 32 documents each (447
  and 442 identifiers) written the same way in the twenty-second sitting (hospital specialty care and spoken text in
  fourteen countries: oncology letters and tumour boards, obstetric, neonatal and paediatric notes, psychiatry and
  mental-health act paperwork, dialysis logs, palliative family meetings, ward-round and telehealth transcripts, spoken
  handovers, voicemail, genetics pedigrees, chaplaincy and social work; reports, records and research paperwork in
  fifteen countries: radiology and pathology reports, discharge summaries, operative notes, transfer letters, trial
  forms and adverse-event reports, consents, release-of-information requests, death certificates, medication lists,
  requisitions and printouts, fax headers, bills, implant cards, pasted cohort spreadsheets, clinicians' e-mail);
  report only, their misses never read.
- ``dev-28``, ``dev-29``: benchmarks/data/phi_dev_28.txt and _29.txt, 32 documents each (448 and 444 identifiers)
  written the same way in the twenty-second sitting (the same two styles in other countries); development data.
- ``handwritten-35``, ``handwritten-36``: benchmarks/data/phi_handwritten_35.txt and _36.txt, 32 documents each (448
  and 446 identifiers) written the same way in the twenty-third sitting (surgery, anaesthesia, intensive care and
  allied health in sixteen countries: pre-operative clinics, anaesthetic charts, theatre lists and checklists,
  consents and operative notes, ICU flowsheets and family updates, physiotherapy, occupational therapy, dietetics,
  speech therapy, podiatry, audiology, prosthetics, wound and stoma care, pain and pharmacist reviews; what patients
  and administrators write around care in eighteen countries: portal messages, complaints and replies, SMS reminders,
  waiting-list exports, referral triage, fitness-to-work notes, school and sports forms, police and solicitors'
  requests, court-ordered assessments, travel-clinic records, interpreter and transport bookings, chaplaincy and
  volunteer logs, research recruitment e-mail); report only, their misses never read.
- ``dev-30``, ``dev-31``: benchmarks/data/phi_dev_30.txt and _31.txt, 32 documents each (450 and 446 identifiers)
  written the same way in the twenty-third sitting (the same two styles in other countries); development data.
- ``handwritten-37``, ``handwritten-38``: benchmarks/data/phi_handwritten_37.txt and _38.txt, 32 documents each (444
  and 448 identifiers) written the same way in the twenty-fourth sitting (care in sensitive settings in sixteen
  countries: community mental-health reviews, psychiatric admissions and tribunals, crisis lines, addiction and
  opioid-substitution clinics, prison and custody health, court reports, sexual-health and HIV clinics, asylum health
  assessments, homeless outreach, domestic-violence advocacy, child-protection conferences; diagnostic reports and
  hospital administration in sixteen countries: echocardiography, catheterisation, EEG, sleep, endoscopy,
  ophthalmology, ENT, dermatology, genetics, audiology, spirometry, laboratory and blood-bank reports, coding queries,
  release-of-information requests, incident investigations, mortality reviews, bed-management e-mail, implant
  registers, rotas, bookings, invoices); report only, their misses never read.
- ``dev-32``, ``dev-33``: benchmarks/data/phi_dev_32.txt and _33.txt, 32 documents each (448 and 450 identifiers)
  written the same way in the twenty-fourth sitting (care in sensitive settings: mental health, addiction, custody,
  sexual health, asylum, homelessness, child protection; diagnostic reports and hospital administration; sixteen
  countries each); development data.
- ``handwritten-39``, ``handwritten-40``: benchmarks/data/phi_handwritten_39.txt and _40.txt, 32 documents each (447
  and 449 identifiers) written the same way in the twenty-fifth sitting (public-health, long-term and community care
  in sixteen countries: home-health and hospice visits, nursing-home medication and incident records, contact tracing
  and notifiable-disease reports, TB treatment cards, immunisation registers, community-health-worker logs, maternal
  and child health visits, outbreak line lists, facility inspections; care in remote, military and special settings
  in sixteen countries: military and veterans' health, ships' and offshore medics, aviation medicals, expedition and
  mountain rescue, remote-area nursing, aeromedical retrieval, mission hospitals, refugee-camp clinics, sports
  medicine, telemedicine, consular evacuations); report only, their misses never read.
- ``dev-34``, ``dev-35``: benchmarks/data/phi_dev_34.txt and _35.txt, 32 documents each (450 and 449 identifiers)
  written the same way in the twenty-fifth sitting (the same two styles in sixteen and seventeen other countries);
  development data.
- ``handwritten-41``, ``handwritten-42``: benchmarks/data/phi_handwritten_41.txt and _42.txt, 32 documents each (444
  and 449 identifiers) written the same way in the twenty-sixth sitting (text as scanners, fax machines and old
  systems leave it, from eight countries: OCR noise, fax banners, Bates-numbered record productions, independent
  medical examinations, fixed-width legacy exports, pasted HL7 segments, transcribed handwriting; English-language
  clinical text from nineteen countries of East and Southeast Asia, the Gulf and the Pacific, with their name orders,
  addresses, identity numbers and date formats); report only, their misses never read.
- ``dev-36``, ``dev-37``: benchmarks/data/phi_dev_36.txt and _37.txt, 32 documents each (451 and 450 identifiers)
  written the same way in the twenty-sixth sitting (the same two styles in nine and twenty-one countries);
  development data.
- ``handwritten-43``, ``handwritten-44``: benchmarks/data/phi_handwritten_43.txt and _44.txt, 32 documents each (450
  and 448 identifiers) written the same way in the twenty-seventh sitting (clinical data as machines and integrations
  carry it, from fifteen countries: FHIR JSON, CDA and XML, HL7 in engine logs, CSV and TSV exports, SQL, YAML and INI,
  raw e-mail, REST calls and access logs, DICOM dumps, audit trails, X12 claims, analyser printouts, label strings;
  published and narrative prose about patients from sixteen countries: case reports, M&M write-ups, obituaries, news
  stories, blogs and memoirs, fundraising pages, court, tribunal and inquest decisions, abstracts, letters to the
  editor, newsletters, parish bulletins, tributes); report only, their misses never read.
- ``dev-38``, ``dev-39``: benchmarks/data/phi_dev_38.txt and _39.txt, 32 documents each (449 identifiers each)
  written the same way in the twenty-seventh sitting (the same two styles in eighteen and nineteen countries);
  development data.
- ``dev-40``: benchmarks/data/phi_dev_40.txt, 20 documents (300 identifiers) written the same way in the
  twenty-seventh sitting, after the blind sets' final run, to check the new table and record readers on tables whose
  columns are also ordinary words (rotas, action lists, drug charts, pedigrees, trial and audit logs, registers,
  directories, worklists, in eleven countries); development data.
- ``handwritten-45``, ``handwritten-46``: benchmarks/data/phi_handwritten_45.txt and _46.txt, 32 documents each (449
  and 456 identifiers) written the same way in the twenty-eighth sitting (tabular and list-heavy working documents of
  care from eighteen countries: rotas and rosters, theatre and clinic lists, whiteboards and bed boards, handover
  grids, pasted spreadsheets, phone directories, vaccination and drug-round registers, pedigree tables, waiting lists,
  audit, incident, loan, specimen and visitor logs, action lists; bilingual, code-switched and translated clinical text
  of some twenty-five language communities: interpreted consultations, interpreters' notes, families' messages, notes
  quoting patients in their language, translated letters, bilingual forms, labels and discharge sheets, community
  health workers' reports); report only, their misses never read.
- ``dev-41``, ``dev-42``: benchmarks/data/phi_dev_41.txt and _42.txt, 32 documents each (456 and 450 identifiers)
  written the same way in the twenty-eighth sitting (the same two styles in twenty other countries and some thirty
  other language communities); development data.
- ``handwritten-47``, ``handwritten-48``: benchmarks/data/phi_handwritten_47.txt and _48.txt, 32 documents each (479
  and 471 identifiers) written the same way in the twenty-ninth sitting (what ambient AI scribes and speech recognition
  leave, from over twelve countries: diarised transcripts with speaker labels and timestamps, lowercase ASR text with
  mis-heard words, numbers, dates and addresses read aloud, names spelled letter by letter, AI-drafted notes and
  after-visit summaries, clinicians' corrections, dictation with voice commands, phone-bot logs, captions; maternity,
  neonatal and child-health records from over twelve countries: antenatal and birth records, partograms, NICU notes,
  newborn checks, birth registrations, child-health books, immunisation and growth records, health visitors' and
  school nurses' notes, safeguarding referrals, school letters, adoption and foster-care medicals, parents' chat
  groups); report only, their misses never read.
- ``dev-43``, ``dev-44``: benchmarks/data/phi_dev_43.txt and _44.txt, 32 documents each (458 and 466 identifiers)
  written the same way in the twenty-ninth sitting (the same two styles in eighteen and twenty other countries);
  development data.
- ``handwritten-49``, ``handwritten-50``: benchmarks/data/phi_handwritten_49.txt and _50.txt, 32 documents each (469
  and 476 identifiers) written the same way in the thirtieth sitting (pharmacy and medicines in fifteen countries:
  prescriptions as transcribed, dispensing labels and records, controlled-drug registers and supervised-dosing logs,
  pharmacists' interventions, medicine reconciliation, blister-pack orders, repeat requests by phone, SMS and app,
  on-call logs, aseptic worksheets, prior authorisations, adverse-reaction reports, poison-centre calls, delivery logs,
  counter talk; old and archived records in fourteen countries: asylum and sanatorium case books, carbon copies of
  consultants' letters with typists' initials, admission, birth, baptism and death registers, vaccination and school
  medical cards, war-pension and army medical boards, chart abstraction for research, destruction logs, subject-access,
  family-history and adoption-tracing letters with archivists' replies, microfiche cards); report only, their misses
  never read.
- ``dev-45``, ``dev-46``: benchmarks/data/phi_dev_45.txt and _46.txt, 32 documents each (475 and 473 identifiers)
  written the same way in the thirtieth sitting (the same two styles in twenty-three and about twenty other places);
  development data.
- ``handwritten-51``, ``handwritten-52``: benchmarks/data/phi_handwritten_51.txt and _52.txt, 32 documents each (500
  and 499 identifiers) written the same way in the thirty-first sitting (insurance, claims and benefits correspondence
  and occupational health in eighteen countries: prior authorisations, denials and appeals, explanations of benefits,
  workers' compensation reports and case managers' notes, disability claim forms, fit notes and return-to-work plans,
  fitness-for-duty medicals, needlestick logs, hearing and lung surveillance, lawyers' record requests, travel-insurance
  repatriation e-mails, claims-line calls, life-insurance examinations; dental care and school and university health
  services in eighteen countries: dental charts and treatment plans, orthodontic and oral-surgery referrals, dental-lab
  tickets, hygienists' recalls, school nurses' logs and medication records, letters to parents, pupils' care plans,
  safeguarding forms, sports physicals, student health centre notes, exam-deferral certificates, residence-hall welfare
  checks); report only, their misses never read.
- ``dev-47``, ``dev-48``: benchmarks/data/phi_dev_47.txt and _48.txt, 32 documents each (501 and 506 identifiers)
  written the same way in the thirty-first sitting (the same two styles in about thirty places each other than the US
  and England, many partly in the local language); development data.
- ``handwritten-53``, ``handwritten-54``: benchmarks/data/phi_handwritten_53.txt and _54.txt, 32 documents each (498
  and 500 identifiers) written the same way in the thirty-second sitting (home, community and remote care in fourteen
  countries: home-care agencies' rosters and shift swaps, district and visiting nurses' notes, wound logs kept at home,
  hospice admissions, on-call and bereavement notes, care homes' handovers and incident forms, telecare alarm logs,
  remote-monitoring alerts, telehealth visits, patient-portal threads and text reminders, social-work referrals,
  equipment deliveries; justice, travel and research health records in eighteen countries: prison and jail reception
  screening and sick-call slips, police-custody and immigration-detention medicals, travel-medicine consults and
  vaccination certificates, research consent forms, screening logs, study visits and adverse-event reports, emergency
  dispatch logs and ambulance reports, poison-centre calls); report only, their misses never read.
- ``dev-49``, ``dev-50``: benchmarks/data/phi_dev_49.txt and _50.txt, 32 documents each (499 identifiers each)
  written the same way in the thirty-second sitting (the same two styles in about thirty places each other than the US
  and England, many partly in the local language); development data.
- ``handwritten-55``, ``handwritten-56``: benchmarks/data/phi_handwritten_55.txt and _56.txt, 32 documents each (515
  and 520 identifiers) written the same way in the thirty-third sitting (specialist and laboratory services in ten
  countries and the Caribbean: organ donation and transplant coordination, blood bank and transfusion records, genetics
  counselling letters and pedigrees, fertility clinic records, dialysis run sheets and transport bookings, pathology,
  microbiology and radiology reports, pharmacy compounding and controlled-drug registers; health records away from
  ordinary clinics: military and veterans' health, sports medicine, ship's doctors' and offshore medical logs,
  occupational health, mental health tribunals and court reports, refugee-camp clinic registers, school nurses' and
  summer camps' logs); report only, their misses never read.
- ``dev-51``, ``dev-52``: benchmarks/data/phi_dev_51.txt and _52.txt, 32 documents each (520 identifiers each)
  written the same way in the thirty-third sitting (the same two styles in about thirty places each other than the US
  and England, many partly in the local language and script); development data.
- ``handwritten-57``, ``handwritten-58``: benchmarks/data/phi_handwritten_57.txt and _58.txt, 32 documents each (516
  and 520 identifiers) written the same way in the thirty-fourth sitting (US hospital records as they sit in long
  patient charts and de-identification corpora: discharge summaries with dictation headers, footers and cc lists,
  H&Ps, progress, ED, consult, operative, radiology and pathology notes, cardiology, diabetes and renal letters over
  several years, nursing and social-work notes, shifted years; doctor-patient conversations, tagged, untagged and as
  speech recognition leaves them, with the notes written from them, in nine English-speaking countries, families naming
  people and places in passing); report only, their misses never read.
- ``dev-53``, ``dev-54``: benchmarks/data/phi_dev_53.txt and _54.txt, 32 documents each (519 and 520 identifiers)
  written the same way in the thirty-fourth sitting (the same two styles: US and Canadian hospital records; English
  conversations of eleven other countries); development data.
- ``dev-55``, ``dev-56``: benchmarks/data/phi_dev_55.txt and _56.txt, 32 documents each (514 and 518 identifiers)
  written the same way later in the thirty-fourth sitting, after the first changes (the same two styles: US records of
  other states, the VA's, the IHS's and county hospitals', some in capitals; conversations mostly in US clinics,
  interpreted and rural, some in England, Northern Ireland, New Zealand and Ghana); development data.
- ``handwritten-59``, ``handwritten-60``: benchmarks/data/phi_handwritten_59.txt and _60.txt, 32 documents each (520
  and 519 identifiers) written the same way in the thirty-fifth sitting (US intensive-care and step-down nursing text
  as the corpora of de-identification research hold it: terse shift notes, RT, nutrition, case management, chaplain
  and social-work notes, sign-outs, codes and family meetings naming people by first name or surname in passing; the
  correspondence around care in seven English-speaking countries: portal messages, phone and triage notes, refills,
  faxes, referral and appeal letters, school and sick notes, reminders, texts, visit logs, with letterheads and
  signatures); report only, their misses never read.
- ``dev-57``, ``dev-58``: benchmarks/data/phi_dev_57.txt and _58.txt, 32 documents each (519 identifiers each)
  written the same way in the thirty-fifth sitting (the same two styles: US and Canadian intensive-care, neonatal and
  burn units' nursing text; correspondence of eight English-speaking countries); development data.
- ``dev-59``, ``dev-60``: benchmarks/data/phi_dev_59.txt and _60.txt, 32 documents each (515 and 520 identifiers)
  written the same way later in the thirty-fifth sitting, after the first changes (the same two styles: nursing text of
  US cardiac, trauma and neuro intensive care and telemetry units of other states, the VA's and county hospitals', some
  in capitals; correspondence of other US states, UK regions, Canadian provinces, Australia, Ireland, Ghana, Malaysia
  and Jamaica, with benefits, court and licensing forms); development data.
- ``handwritten-61``, ``handwritten-62``: benchmarks/data/phi_handwritten_61.txt and _62.txt, 32 documents each (514
  and 520 identifiers) written the same way in the thirty-sixth sitting (US behavioural-health, addiction and social-work
  assessments: psychiatric intakes and emergency evaluations, psychosocial assessments with long social and family
  histories, substance-use intakes, safety plans, involuntary holds, group notes, aftercare plans; US outpatient records
  as longitudinal de-identification corpora hold them: primary-care and specialty follow-ups over years with "Record
  date:" headers and shifted years, interval histories naming other doctors and hospitals, medication, problem and
  health-maintenance lists, social histories, letters with cc lists, phone encounters, addenda); report only, their
  misses never read.
- ``dev-61``, ``dev-62``: benchmarks/data/phi_dev_61.txt and _62.txt, 32 documents each (518 and 519 identifiers)
  written the same way in the thirty-sixth sitting (the same two styles: behavioural health in Canada, other US states
  and Australia; US and Canadian outpatient records of other specialties and practices); development data.
- ``presidio-research``: Microsoft presidio-research's synthetic PII sentences (MIT; general text, not
  clinical), read from ``--presidio-research PATH`` (data/synth_dataset_v2.json of that repository);
  skipped when the path is not given or absent.

Every hand-written set follows data/phi_annotation_guide.md, the guide its writer was given (``--check-marks FILE``
checks a file's markup against it). An identifier counts as found when every character of it is replaced; precision counts replaced spans
outside every annotated span; facts kept: every drug, dose, number with a unit, side and condition
the checker's fact extraction finds in the note (identifiers replaced by their tags) is still found
after redaction. ``--speed`` times a 1,000,000-character note and 300-character notes (with ``--workers N``,
also with N worker processes, side by side in the same run).

    python benchmarks/phi_quality.py --seed 1                     # dev seed of the generator
    python benchmarks/phi_quality.py --seed 3 --source generator --source handwritten \\
        --source handwritten-2 --source handwritten-3 --source presidio-research \\
        --presidio-research /path/to/synth_dataset_v2.json --speed
    python benchmarks/phi_quality.py --seed 3 --engine presidio --engine clinsum --engine clinsum+en_core_web_sm
        # engines side by side in one process: "presidio" is Presidio's pattern recognizers only,
        # "+NAME" adds an installed spaCy pipeline's NER
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

import regex
from faker import Faker
from faker.providers.address.en import Provider as AddressProvider

from clinsum.data.synthetic import generate_examples
from clinsum.evaluation.facts import NoteIndex
from clinsum.privacy import detect
from clinsum.privacy.patterns import STATE
from clinsum.privacy.phi import PhiRedactor
from clinsum.privacy.vocab import first_names, last_names
from clinsum.text.normalize import Quantity

COUNTRIES = frozenset(c.lower() for c in AddressProvider.countries) | {"usa", "us", "uk", "united states", "america"}
HANDWRITTEN = {"handwritten": Path(__file__).parent / "data" / "phi_handwritten.txt",
               "handwritten-2": Path(__file__).parent / "data" / "phi_handwritten_2.txt",
               "dev-3": Path(__file__).parent / "data" / "phi_dev_3.txt",
               "handwritten-3": Path(__file__).parent / "data" / "phi_handwritten_3.txt",
               "handwritten-4": Path(__file__).parent / "data" / "phi_handwritten_4.txt",
               "dev-4": Path(__file__).parent / "data" / "phi_dev_4.txt",
               "handwritten-5": Path(__file__).parent / "data" / "phi_handwritten_5.txt",
               "dev-5": Path(__file__).parent / "data" / "phi_dev_5.txt",
               "handwritten-6": Path(__file__).parent / "data" / "phi_handwritten_6.txt",
               "dev-6": Path(__file__).parent / "data" / "phi_dev_6.txt",
               "handwritten-7": Path(__file__).parent / "data" / "phi_handwritten_7.txt",
               "dev-7": Path(__file__).parent / "data" / "phi_dev_7.txt",
               "handwritten-8": Path(__file__).parent / "data" / "phi_handwritten_8.txt",
               "dev-8": Path(__file__).parent / "data" / "phi_dev_8.txt",
               "handwritten-9": Path(__file__).parent / "data" / "phi_handwritten_9.txt",
               "dev-9": Path(__file__).parent / "data" / "phi_dev_9.txt",
               "handwritten-10": Path(__file__).parent / "data" / "phi_handwritten_10.txt",
               "handwritten-11": Path(__file__).parent / "data" / "phi_handwritten_11.txt",
               "dev-10": Path(__file__).parent / "data" / "phi_dev_10.txt",
               "handwritten-12": Path(__file__).parent / "data" / "phi_handwritten_12.txt",
               "handwritten-13": Path(__file__).parent / "data" / "phi_handwritten_13.txt",
               "handwritten-14": Path(__file__).parent / "data" / "phi_handwritten_14.txt",
               "dev-11": Path(__file__).parent / "data" / "phi_dev_11.txt",
               "handwritten-15": Path(__file__).parent / "data" / "phi_handwritten_15.txt",
               "handwritten-16": Path(__file__).parent / "data" / "phi_handwritten_16.txt",
               "dev-12": Path(__file__).parent / "data" / "phi_dev_12.txt",
               "dev-13": Path(__file__).parent / "data" / "phi_dev_13.txt",
               "handwritten-17": Path(__file__).parent / "data" / "phi_handwritten_17.txt",
               "handwritten-18": Path(__file__).parent / "data" / "phi_handwritten_18.txt",
               "dev-14": Path(__file__).parent / "data" / "phi_dev_14.txt",
               "dev-15": Path(__file__).parent / "data" / "phi_dev_15.txt",
               "handwritten-19": Path(__file__).parent / "data" / "phi_handwritten_19.txt",
               "handwritten-20": Path(__file__).parent / "data" / "phi_handwritten_20.txt",
               "dev-16": Path(__file__).parent / "data" / "phi_dev_16.txt",
               "dev-17": Path(__file__).parent / "data" / "phi_dev_17.txt",
               "handwritten-21": Path(__file__).parent / "data" / "phi_handwritten_21.txt",
               "handwritten-22": Path(__file__).parent / "data" / "phi_handwritten_22.txt",
               "handwritten-23": Path(__file__).parent / "data" / "phi_handwritten_23.txt",
               "handwritten-24": Path(__file__).parent / "data" / "phi_handwritten_24.txt",
               "dev-18": Path(__file__).parent / "data" / "phi_dev_18.txt",
               "dev-19": Path(__file__).parent / "data" / "phi_dev_19.txt",
               "handwritten-25": Path(__file__).parent / "data" / "phi_handwritten_25.txt",
               "handwritten-26": Path(__file__).parent / "data" / "phi_handwritten_26.txt",
               "dev-20": Path(__file__).parent / "data" / "phi_dev_20.txt",
               "dev-21": Path(__file__).parent / "data" / "phi_dev_21.txt",
               "handwritten-27": Path(__file__).parent / "data" / "phi_handwritten_27.txt",
               "handwritten-28": Path(__file__).parent / "data" / "phi_handwritten_28.txt",
               "dev-22": Path(__file__).parent / "data" / "phi_dev_22.txt",
               "dev-23": Path(__file__).parent / "data" / "phi_dev_23.txt",
               "handwritten-29": Path(__file__).parent / "data" / "phi_handwritten_29.txt",
               "handwritten-30": Path(__file__).parent / "data" / "phi_handwritten_30.txt",
               "dev-24": Path(__file__).parent / "data" / "phi_dev_24.txt",
               "dev-25": Path(__file__).parent / "data" / "phi_dev_25.txt",
               "handwritten-31": Path(__file__).parent / "data" / "phi_handwritten_31.txt",
               "handwritten-32": Path(__file__).parent / "data" / "phi_handwritten_32.txt",
               "dev-26": Path(__file__).parent / "data" / "phi_dev_26.txt",
               "dev-27": Path(__file__).parent / "data" / "phi_dev_27.txt",
               "handwritten-33": Path(__file__).parent / "data" / "phi_handwritten_33.txt",
               "handwritten-34": Path(__file__).parent / "data" / "phi_handwritten_34.txt",
               "dev-28": Path(__file__).parent / "data" / "phi_dev_28.txt",
               "dev-29": Path(__file__).parent / "data" / "phi_dev_29.txt",
               "handwritten-35": Path(__file__).parent / "data" / "phi_handwritten_35.txt",
               "handwritten-36": Path(__file__).parent / "data" / "phi_handwritten_36.txt",
               "dev-30": Path(__file__).parent / "data" / "phi_dev_30.txt",
               "dev-31": Path(__file__).parent / "data" / "phi_dev_31.txt",
               "handwritten-37": Path(__file__).parent / "data" / "phi_handwritten_37.txt",
               "handwritten-38": Path(__file__).parent / "data" / "phi_handwritten_38.txt",
               "dev-32": Path(__file__).parent / "data" / "phi_dev_32.txt",
               "dev-33": Path(__file__).parent / "data" / "phi_dev_33.txt",
               "handwritten-39": Path(__file__).parent / "data" / "phi_handwritten_39.txt",
               "handwritten-40": Path(__file__).parent / "data" / "phi_handwritten_40.txt",
               "dev-34": Path(__file__).parent / "data" / "phi_dev_34.txt",
               "dev-35": Path(__file__).parent / "data" / "phi_dev_35.txt",
               "handwritten-41": Path(__file__).parent / "data" / "phi_handwritten_41.txt",
               "handwritten-42": Path(__file__).parent / "data" / "phi_handwritten_42.txt",
               "dev-36": Path(__file__).parent / "data" / "phi_dev_36.txt",
               "dev-37": Path(__file__).parent / "data" / "phi_dev_37.txt",
               "handwritten-43": Path(__file__).parent / "data" / "phi_handwritten_43.txt",
               "handwritten-44": Path(__file__).parent / "data" / "phi_handwritten_44.txt",
               "dev-38": Path(__file__).parent / "data" / "phi_dev_38.txt",
               "dev-39": Path(__file__).parent / "data" / "phi_dev_39.txt",
               "dev-40": Path(__file__).parent / "data" / "phi_dev_40.txt",
               "handwritten-45": Path(__file__).parent / "data" / "phi_handwritten_45.txt",
               "handwritten-46": Path(__file__).parent / "data" / "phi_handwritten_46.txt",
               "dev-41": Path(__file__).parent / "data" / "phi_dev_41.txt",
               "dev-42": Path(__file__).parent / "data" / "phi_dev_42.txt",
               "handwritten-47": Path(__file__).parent / "data" / "phi_handwritten_47.txt",
               "handwritten-48": Path(__file__).parent / "data" / "phi_handwritten_48.txt",
               "dev-43": Path(__file__).parent / "data" / "phi_dev_43.txt",
               "dev-44": Path(__file__).parent / "data" / "phi_dev_44.txt",
               "handwritten-49": Path(__file__).parent / "data" / "phi_handwritten_49.txt",
               "handwritten-50": Path(__file__).parent / "data" / "phi_handwritten_50.txt",
               "dev-45": Path(__file__).parent / "data" / "phi_dev_45.txt",
               "dev-46": Path(__file__).parent / "data" / "phi_dev_46.txt",
               "handwritten-51": Path(__file__).parent / "data" / "phi_handwritten_51.txt",
               "handwritten-52": Path(__file__).parent / "data" / "phi_handwritten_52.txt",
               "dev-47": Path(__file__).parent / "data" / "phi_dev_47.txt",
               "dev-48": Path(__file__).parent / "data" / "phi_dev_48.txt",
               "handwritten-53": Path(__file__).parent / "data" / "phi_handwritten_53.txt",
               "handwritten-54": Path(__file__).parent / "data" / "phi_handwritten_54.txt",
               "dev-49": Path(__file__).parent / "data" / "phi_dev_49.txt",
               "dev-50": Path(__file__).parent / "data" / "phi_dev_50.txt",
               "handwritten-55": Path(__file__).parent / "data" / "phi_handwritten_55.txt",
               "handwritten-56": Path(__file__).parent / "data" / "phi_handwritten_56.txt",
               "dev-51": Path(__file__).parent / "data" / "phi_dev_51.txt",
               "dev-52": Path(__file__).parent / "data" / "phi_dev_52.txt",
               "handwritten-57": Path(__file__).parent / "data" / "phi_handwritten_57.txt",
               "handwritten-58": Path(__file__).parent / "data" / "phi_handwritten_58.txt",
               "dev-53": Path(__file__).parent / "data" / "phi_dev_53.txt",
               "dev-54": Path(__file__).parent / "data" / "phi_dev_54.txt",
               "dev-55": Path(__file__).parent / "data" / "phi_dev_55.txt",
               "dev-56": Path(__file__).parent / "data" / "phi_dev_56.txt",
               "handwritten-59": Path(__file__).parent / "data" / "phi_handwritten_59.txt",
               "handwritten-60": Path(__file__).parent / "data" / "phi_handwritten_60.txt",
               "dev-57": Path(__file__).parent / "data" / "phi_dev_57.txt",
               "dev-58": Path(__file__).parent / "data" / "phi_dev_58.txt",
               "dev-59": Path(__file__).parent / "data" / "phi_dev_59.txt",
               "dev-60": Path(__file__).parent / "data" / "phi_dev_60.txt",
               "handwritten-61": Path(__file__).parent / "data" / "phi_handwritten_61.txt",
               "handwritten-62": Path(__file__).parent / "data" / "phi_handwritten_62.txt",
               "dev-61": Path(__file__).parent / "data" / "phi_dev_61.txt",
               "dev-62": Path(__file__).parent / "data" / "phi_dev_62.txt"}
DEV_SOURCES = ("generator", "presidio-research", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7", "dev-8", "dev-9",
               "dev-10", "dev-11", "dev-12", "dev-13", "dev-14", "dev-15", "dev-16",
               "dev-17", "dev-18", "dev-19", "dev-20", "dev-21", "dev-22", "dev-23", "dev-24", "dev-25",
               "dev-26", "dev-27", "dev-28", "dev-29", "dev-30", "dev-31", "dev-32", "dev-33", "dev-34", "dev-35",
               "dev-36", "dev-37", "dev-38", "dev-39", "dev-40", "dev-41", "dev-42",
               "dev-43", "dev-44", "dev-45", "dev-46", "dev-47", "dev-48", "dev-49", "dev-50",
               "dev-51", "dev-52", "dev-53", "dev-54", "dev-55",
               "dev-56", "dev-57", "dev-58", "dev-59", "dev-60", "dev-61", "dev-62")  # whose misses --show-misses may print
# presidio-research entity types -> ours; the others (titles, nationalities, times, any age) are not
# identifiers under Safe Harbor: a redaction over them is neither a hit nor a false alarm.
PRESIDIO_RESEARCH_TYPES = {"PERSON": "NAME", "STREET_ADDRESS": "ADDRESS", "GPE": "LOCATION", "PHONE_NUMBER": "PHONE",
                           "EMAIL_ADDRESS": "EMAIL", "US_SSN": "SSN", "IP_ADDRESS": "IP", "DOMAIN_NAME": "URL",
                           "ZIP_CODE": "ZIP", "CREDIT_CARD": "ID", "IBAN_CODE": "ID", "US_DRIVER_LICENSE": "ID",
                           "ORGANIZATION": "INSTITUTION"}

LOCALES = ("en_US", "en_GB", "en_IE", "es_MX", "de_DE", "fr_FR", "it_IT", "pt_BR", "nl_NL", "pl_PL", "vi_VN", "en_NG")
PATTERN_KINDS = ("DATE", "PHONE", "EMAIL", "SSN", "MRN", "OTHER_ID", "URL", "IP", "ZIP", "AGE", "ADDRESS")
DISTRACTORS = (
    "History of Parkinson's disease.", "Family history of Crohn's disease.", "Remote Hodgkin lymphoma, in remission.",
    "Prior Bell's palsy, resolved.", "May take 1/2 tablet at bedtime if needed.", "She may return sooner if worse.",
    "Murphy's sign negative.", "Strength 5/5 in all extremities.", "Vision 20/20 bilaterally.", "Pain 7/10.",
    "Lachman test negative.", "Foley catheter removed.", "Grade 2/6 systolic murmur.", "Alzheimer's disease in father.",
    "Take 1/2 tab twice daily.", "BP 120/80 on recheck.", "Graves disease, treated.", "Epley maneuver performed.",
    "Will return in May for recheck.", "Hashimoto thyroiditis.", "Guillain-Barre syndrome in 2009.",
)
ROLES = ("daughter", "son", "wife", "husband", "mother", "sister", "brother", "caregiver", "partner")


class PhiNoteBuilder:
    """One note as pieces of text; planted pieces remember their kind, so spans are known."""

    def __init__(self):
        self.parts: list[tuple[str, str | None]] = []

    def add(self, text: str, kind: str | None = None) -> PhiNoteBuilder:
        self.parts.append((text, kind))
        return self

    def build(self) -> tuple[str, list[tuple[int, int, str]]]:
        text, spans = "", []
        for piece, kind in self.parts:
            if kind:
                spans.append((len(text), len(text) + len(piece), kind))
            text += piece
        return text, spans


def _case(rng: random.Random, text: str) -> str:
    return rng.choices((text, text.upper(), text.lower()), weights=(6, 2, 1))[0]


class Planter:
    """Random identifiers in many formats, each planted with the words around it."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fakers = {loc: Faker(loc) for loc in LOCALES}
        for i, f in enumerate(self.fakers.values()):
            f.seed_instance(seed * 100 + i)
        self.us = self.fakers["en_US"]

    def person(self) -> tuple[str, str]:
        f = self.fakers[self.rng.choice(LOCALES)]
        return f.first_name(), f.last_name()

    def date(self) -> str:
        d = self.us.date_between("-30y", "today")
        month, abbr = d.strftime("%B"), d.strftime("%b")
        day = d.day
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        formats = [f"{d.month:02d}/{day:02d}/{d.year}", f"{d.month}/{day}/{d.year % 100:02d}", d.isoformat(),
                   f"{month} {day}{suffix}, {d.year}", f"{month} {day}", f"{abbr} {day} {d.year}",
                   f"{day}-{abbr}-{d.year % 100:02d}", f"{day} {month} {d.year}", f"{abbr}. {day}",
                   f"{month} {d.year}", f"{d.month}-{day}-{d.year}", f"{day:02d}.{d.month:02d}.{d.year}"]
        return _case(self.rng, self.rng.choice(formats))

    def phone(self) -> str:
        a, b, c = self.rng.randint(201, 989), self.rng.randint(200, 999), self.rng.randint(0, 9999)
        formats = [f"({a}) {b}-{c:04d}", f"{a}-{b}-{c:04d}", f"{a}.{b}.{c:04d}", f"+1 {a} {b} {c:04d}",
                   f"1-{a}-{b}-{c:04d}", f"{a}-{b}-{c:04d} ext. {self.rng.randint(1, 999)}", f"({a}){b}-{c:04d}"]
        return self.rng.choice(formats)

    def ssn(self) -> str:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        g, s = self.rng.randint(1, 99), self.rng.randint(1, 9999)
        return self.rng.choice((f"{area:03d}-{g:02d}-{s:04d}", f"{area:03d} {g:02d} {s:04d}", f"{area:03d}{g:02d}{s:04d}"))

    def digits(self, n: int) -> str:
        return "".join(str(self.rng.randint(0, 9)) for _ in range(n))

    def plant(self, kind: str) -> list[tuple[str, str | None]]:
        """Pieces of one sentence or line holding one identifier of ``kind`` (or a name)."""
        r = self.rng
        if kind == "NAME_PATIENT":
            first, last = self.person()
            title = r.choice(("Mr.", "Mrs.", "Ms.", "MR.", "Mrs", "Miss"))
            return r.choice((
                [("Patient: ", None), (f"{first} {last}", "NAME"), ("\n", None)],
                [("Patient name: ", None), (_case(r, f"{first} {last}"), "NAME"), ("\n", None)],
                [(f"{last.upper()}, {first.upper()}", "NAME"), ("\n", None)],
                [(f"{last}, {first}", "NAME"), ("\n", None)],
                [(f"{title} ", None), (last, "NAME"), (" was seen today. ", None)],
                [(f"{first} {last}", "NAME"), (" is here for follow-up. ", None)],
                [("Spoke with ", None), (f"{first} {last}", "NAME"), (" about the plan. ", None)],
            ))
        if kind == "NAME_RELATIVE":
            first, last = self.person()
            role = r.choice(ROLES)
            return r.choice((
                [(f"Her {role} ", None), (f"{first} {last}", "NAME"), (" was present. ", None)],
                [(f"His {role}, ", None), (first, "NAME"), (", helps with medications. ", None)],
                [("Emergency contact: ", None), (f"{first} {last}", "NAME"), (f" ({role}).\n", None)],
                [(f"Accompanied by {role} ", None), (first, "NAME"), (". ", None)],
            ))
        if kind == "NAME_CLINICIAN":
            first, last = self.person()
            return r.choice((
                [("Discussed with Dr. ", None), (last, "NAME"), (". ", None)],
                [("Referred by Dr ", None), (f"{first} {last}", "NAME"), (". ", None)],
                [("DR. ", None), (last.upper(), "NAME"), (" TO FOLLOW.\n", None)],
                [("\nElectronically signed by: ", None), (f"{first} {last}", "NAME"), (", MD\n", None)],
                [("\n", None), (f"{first} {last}", "NAME"), (r.choice((", NP", ", RN", " MD", ", PA-C")) + "\n", None)],
                [("cc: Dr. ", None), (last, "NAME"), ("\n", None)],
                [("PCP: ", None), (f"{first[0]}. {last}", "NAME"), ("\n", None)],
            ))
        if kind == "DATE":
            return r.choice((
                [("DOB: ", None), (self.date(), "DATE"), ("\n", None)],
                [("Last seen on ", None), (self.date(), "DATE"), (". ", None)],
                [("Admitted ", None), (self.date(), "DATE"), (" for observation. ", None)],
                [("Symptoms began ", None), (self.date(), "DATE"), (". ", None)],
                [("Follow-up scheduled for ", None), (self.date(), "DATE"), (". ", None)],
                [("Surgery on the ", None), (f"{r.randint(1, 28)}{r.choice(('th', 'th'))}", "DATE"), (". ", None)],
            ))
        if kind == "PHONE":
            label = r.choice(("Phone: ", "Cell ", "Fax: ", "Call back number ", "Can be reached at ", "Pager: ", "Tel "))
            return [(label, None), (self.phone(), "PHONE"), (". " if r.random() < 0.5 else "\n", None)]
        if kind == "EMAIL":
            first, last = self.person()
            user = r.choice((f"{first}.{last}", f"{first[0]}{last}{r.randint(1, 99)}", f"{last}_{first[0]}"))
            user = re.sub(r"[^A-Za-z0-9._]", "", user) or "pt"
            email = f"{user}@{r.choice(('gmail.com', 'clinic-mail.org', 'yahoo.co.uk', 'health.example.net'))}"
            return [(r.choice(("Email: ", "Patient e-mail ", "Contact via ")), None), (_case(r, email), "EMAIL"), (". ", None)]
        if kind == "SSN":
            return [(r.choice(("SSN: ", "SS# ", "Social security number ")), None), (self.ssn(), "SSN"), ("\n", None)]
        if kind == "MRN":
            value = r.choice((self.digits(8), self.digits(7), f"{self.digits(2)}-{self.digits(3)}-{self.digits(3)}",
                              f"MRN{self.digits(7)}"))
            label = r.choice(("MRN: ", "MRN# ", "Medical record number ", "mrn ", "(MRN ", "Med Rec #: ", "Chart #"))
            if value.startswith("MRN"):
                return [("ID ", None), (value, "MRN"), ("\n", None)]
            return [(label, None), (value, "MRN"), (")" if label == "(MRN " else "", None), ("\n", None)]
        if kind == "OTHER_ID":
            letters = "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
            return r.choice((
                [("Account #: ", None), (self.digits(10), "OTHER_ID"), ("\n", None)],
                [("Acct no. ", None), (f"A-{self.digits(6)}", "OTHER_ID"), (". ", None)],
                [("Member ID: ", None), (f"{letters}{self.digits(9)}", "OTHER_ID"), ("\n", None)],
                [("Health plan ID ", None), (f"HP-{self.digits(7)}", "OTHER_ID"), (". ", None)],
                [("Driver's license: ", None), (f"{letters[0]}{self.digits(7)}", "OTHER_ID"), ("\n", None)],
                [("Pacemaker serial number ", None), (f"{letters}{self.digits(6)}", "OTHER_ID"), (". ", None)],
                [("Policy # ", None), (f"{self.digits(4)}-{self.digits(5)}", "OTHER_ID"), ("\n", None)],
            ))
        if kind == "URL":
            url = r.choice((f"https://www.{self.us.domain_word()}.org/patients/{self.digits(5)}",
                            f"http://portal.{self.us.domain_word()}-health.com", f"www.{self.us.domain_word()}.net/{self.digits(3)}"))
            return [(r.choice(("Portal: ", "Results at ", "See ")), None), (url, "URL"), (" for details. ", None)]
        if kind == "IP":
            ip = r.choice((f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                           f"2001:db8::{r.randint(1, 9999):x}:{r.randint(1, 9999):x}"))
            return [(r.choice(("Logged in from ", "Device IP ", "IP address: ")), None), (ip, "IP"), (". ", None)]
        if kind in ("ADDRESS", "ZIP"):
            street = f"{r.randint(1, 9999)} {self.us.street_name()}"
            street = _case(r, street if r.random() < 0.7 else f"{street}, Apt {r.randint(1, 40)}{r.choice('AB')}")
            zip_code = self.us.zipcode() if r.random() < 0.8 else self.us.zipcode_plus4()
            city, state = self.us.city(), r.choice((self.us.state_abbr(), self.us.state()))
            return [("Address: ", None), (street, "ADDRESS"), (", ", None), (city, "CITY"), (f", {state} ", None),
                    (zip_code, "ZIP"), ("\n", None)]
        if kind == "CITY":
            return [(r.choice(("Lives alone in ", "Moved from ", "Resides in ")), None), (self.us.city(), "CITY"),
                    (r.choice((". ", f", {self.us.state_abbr()}. ")), None)]
        if kind == "AGE":
            age = r.randint(90, 104)
            return r.choice((
                [("Her mother is ", None), (str(age), "AGE"), (" years old. ", None)],
                [("Patient is a ", None), (str(age), "AGE"), ("-year-old with dementia. ", None)],
                [("Age: ", None), (str(age), "AGE"), ("\n", None)],
                [("", None), (str(age), "AGE"), (r.choice((" y/o F", " yo M", "F"))[0:] + " with falls. ", None)],
            ))
        raise ValueError(kind)


KINDS = ("NAME_PATIENT", "NAME_RELATIVE", "NAME_CLINICIAN", *[k for k in PATTERN_KINDS if k != "ZIP"], "CITY")


def make_phi_set(n: int, seed: int) -> list[dict]:
    """``n`` synthetic notes with planted identifiers; each row: note, clean note, planted spans."""
    planter, rng = Planter(seed), random.Random(seed)
    rows = []
    for example in generate_examples(n, seed=seed):
        clean = example.note
        lines = clean.split("\n")
        builder = PhiNoteBuilder()
        kinds = rng.sample(KINDS, rng.randint(4, 8))
        header, middle, footer = kinds[: len(kinds) // 3], kinds[len(kinds) // 3: 2 * len(kinds) // 3], kinds[2 * len(kinds) // 3:]
        for kind in header:
            for piece in planter.plant(kind):
                builder.add(*piece)
        builder.add("\n")
        cut = rng.randint(1, max(1, len(lines) - 1))
        builder.add("\n".join(lines[:cut]) + "\n")
        for kind in middle:
            for piece in planter.plant(kind):
                builder.add(*piece)
        if rng.random() < 0.5:
            builder.add(rng.choice(DISTRACTORS) + " ")
        builder.add("\n" + "\n".join(lines[cut:]) + "\n")
        if rng.random() < 0.5:
            builder.add(rng.choice(DISTRACTORS) + "\n")
        for kind in footer:
            for piece in planter.plant(kind):
                builder.add(*piece)
        note, spans = builder.build()
        rows.append({"id": example.id, "note": note, "clean": clean, "spans": spans})
    return rows


def name_overlap(rows: list[dict]) -> float:
    """Share of planted name words that the redactor's name lists (US Census) hold: how much of the
    generator's name recall the lists can explain."""
    words = [w.lower() for row in rows for s, e, kind in row["spans"] if kind.startswith("NAME")
             for w in re.findall(r"[^\W\d_]{2,}", row["note"][s:e])]
    return sum(w in first_names() or w in last_names() for w in words) / max(1, len(words))


_MARK = re.compile(r"\[\[([A-Z]+):(.*?)\]\]", re.DOTALL)


def load_handwritten(path: Path = HANDWRITTEN["handwritten"]) -> list[dict]:
    """The hand-annotated notes: ``[[TYPE:text]]`` marks an identifier; ``### id | style`` starts a note."""
    rows = []
    for block in re.split(r"^### ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        header, _, body = block.partition("\n")
        note, spans, last = "", [], 0
        for m in _MARK.finditer(body.strip("\n")):
            note += body.strip("\n")[last: m.start()]
            spans.append((len(note), len(note) + len(m.group(2)), m.group(1)))
            note += m.group(2)
            last = m.end()
        note += body.strip("\n")[last:]
        rows.append({"id": header.split("|")[0].strip(), "style": header.partition("|")[2].strip(), "note": note,
                     "spans": spans})
    return rows


_TYPES = ("NAME", "DATE", "AGE", "PHONE", "EMAIL", "URL", "IP", "SSN", "ID", "ADDRESS", "LOCATION", "ZIP", "INSTITUTION")
_ANY_MARK = re.compile(r"\[\[([A-Za-z_]*):(.*?)\]\]", re.DOTALL)
_WEEKDAY = re.compile(r"(?i)(?:(?:this|next|last|on)\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?")


def mark_errors(path: Path) -> list[str]:
    """What in a hand-annotated set breaks data/phi_annotation_guide.md's markup rules, one line each (file and line)."""
    text = path.read_text(encoding="utf-8")
    start = 0 if text.startswith("### ") else text.find("\n### ") + 1  # the preamble before the first note is free
    errors = []
    for m in _ANY_MARK.finditer(text, start):
        kind, value = m.groups()
        problem = ("an unknown type" if kind not in _TYPES else "an empty or padded mark" if value != value.strip() or not value
                   else "a line break inside" if "\n" in value else "a mark inside" if "[[" in value
                   else "an age under 90" if kind == "AGE" and value.isdigit() and int(value) < 90
                   else "a year alone" if kind == "DATE" and re.fullmatch(r"(?:19|20)\d\d", value)
                   else "a weekday alone" if kind == "DATE" and _WEEKDAY.fullmatch(value)
                   else "a title inside" if kind == "NAME" and re.match(r"(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b\.?\s", value)
                   else None)
        if problem:
            errors.append(f"{path}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)!r}: {problem}")
    if text.count("[[", start) != text.count("]]", start):
        errors.append(f"{path}: unbalanced [[ and ]]")
    return errors


def load_presidio_research(path: str) -> list[dict]:
    """presidio-research's synth_dataset_v2.json: sentences with typed spans, ours where a type maps."""
    rows = []
    for i, item in enumerate(json.loads(Path(path).read_text(encoding="utf-8"))):
        spans, ignored = [], []
        for span in item["spans"]:
            kind = PRESIDIO_RESEARCH_TYPES.get(span["entity_type"])
            value = item["full_text"][span["start_position"]: span["end_position"]].strip().lower()
            if kind == "LOCATION" and (value in COUNTRIES or regex.fullmatch(STATE, value, regex.IGNORECASE)):
                kind = None  # Safe Harbor keeps states and countries: not an identifier to remove
            (spans if kind else ignored).append((span["start_position"], span["end_position"], kind or span["entity_type"]))
        rows.append({"id": str(i), "note": item["full_text"], "spans": spans, "ignored": ignored})
    return rows


def _tagged(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each annotated span replaced by its tag (the right redaction of it)."""
    for s, e, kind in sorted(spans, reverse=True):
        text = text[:s] + f"[{kind}]" + text[e:]
    return text


def measure_speed(redactor: PhiRedactor, seed: int, repeat: int = 1) -> dict:
    """Seconds for one 1,000,000-character note, and 300-character notes per second (wall time, and the CPU time
    of this process: worker processes not counted); with ``repeat``, the note's later timings too (the first call after
    the short notes is the noisiest, above all with worker processes)."""
    rows = make_phi_set(400, seed + 1000)
    short = [row["note"][:300] for row in rows]
    long_note = ""
    while len(long_note) < 1_000_000:
        long_note += "\n\n".join(row["note"] for row in rows) + "\n\n"
    long_note = long_note[:1_000_000]
    redactor.redact(short[0])
    wall, cpu = time.perf_counter(), time.process_time()
    redactor.redact_many(short)
    short_wall, short_cpu = time.perf_counter() - wall, time.process_time() - cpu
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        redactor.redact(long_note)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {"long_note_chars": len(long_note), "long_note_seconds": walls[0], "long_note_cpu_seconds": cpus[0],
            "long_note_seconds_each": walls, "short_notes": len(short), "short_notes_per_second": len(short) / short_wall,
            "short_notes_per_cpu_second": len(short) / short_cpu}


FACT_TYPES = ("medication", "dose", "number", "laterality", "condition")


def _facts(text: str) -> Counter:
    """The checker's drug, dose, number-with-unit, side and condition facts of a note, without their places in
    it: a redaction before a fact that is longer or shorter than the annotated one moves it, and keeps it."""
    index = NoteIndex.build(text)
    return Counter((f.type, f.key, _value(f.value), f.polarity) for facts in index.facts for f in facts
                   if f.type in FACT_TYPES and not (f.type == "number" and not f.key))


def _value(value) -> str:
    return f"{value.value:g} {value.unit} {value.text}" if isinstance(value, Quantity) else str(value)


def _covered(span: tuple[int, int], found: list[tuple[int, int]], text: str) -> bool:
    """Every non-space character of the planted span lies inside some detected span."""
    chars = {i for i in range(*span) if not text[i].isspace() and text[i] not in ",."}
    for s, e in found:
        chars -= set(range(s, e))
    return not chars


def evaluate(rows: list[dict], redactor: PhiRedactor) -> dict:
    planted = Counter()
    recalled = Counter()
    true_pos = false_pos = 0
    wrongly_removed = Counter()
    facts_before = facts_kept = 0
    redactor.detector.find(rows[0]["note"])  # builds the lexicon's indexes (a few seconds, once)
    start = time.perf_counter()
    detections = [redactor.detector.find(row["note"]) for row in rows]
    seconds = time.perf_counter() - start
    redacted = [redactor.redact(row["note"])[0] for row in rows]
    for row, found, red in zip(rows, detections, redacted):
        text = row["note"]
        found_spans = [(s.start, s.end) for s in found]
        for s, e, kind in row["spans"]:
            planted[kind] += 1
            recalled[kind] += _covered((s, e), found_spans, text)
        for span in found:
            if any(span.start < e and s < span.end for s, e, _ in row["spans"] + row.get("ignored", [])):
                true_pos += 1
            else:
                false_pos += 1
                wrongly_removed[text[span.start: span.end].lower()] += 1
        # Facts of the note with its identifiers replaced by tags (for the generator: those of the clean
        # note that the planted note still states), which the redacted note must keep.
        tagged = _tagged(text, row["spans"])
        tagged_facts = _facts(tagged)
        before = Counter({key: min(n, tagged_facts[key]) for key, n in _facts(row.get("clean", tagged)).items()})
        after = _facts(red)
        facts_before += sum(before.values())
        facts_kept += sum(min(n, after[key]) for key, n in before.items())
    name_kinds = [k for k in planted if k.startswith("NAME")]
    report = {
        "notes": len(rows),
        "recall": {k: {"planted": planted[k], "recall": recalled[k] / planted[k]} for k in sorted(planted)},
        "all_recall": sum(recalled.values()) / max(1, sum(planted.values())),
        "identifiers": sum(planted.values()),
        "name_recall": sum(recalled[k] for k in name_kinds) / max(1, sum(planted[k] for k in name_kinds)),
        "precision": true_pos / max(1, true_pos + false_pos),
        "false_positives": false_pos,
        "wrongly_removed": wrongly_removed.most_common(20),
        "facts_kept": facts_kept / max(1, facts_before),
        "facts_checked": facts_before,
        "notes_per_second": len(rows) / seconds,
    }
    return report


def print_comparison(reports: dict[str, dict]) -> None:
    """One table: recall per identifier type, names, all, precision, facts kept and speed of each engine/source."""
    kinds = sorted({kind for r in reports.values() for kind in r["recall"]})
    print("\n| identifier | " + " | ".join(reports) + " |")
    print("|---|" + "---:|" * len(reports))
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(f"{r['recall'][kind]['recall']:.1%} ({r['recall'][kind]['planted']})"
                                         if kind in r["recall"] else "-" for r in reports.values()) + " |")
    for label, key, fmt in (("all names", "name_recall", "{:.1%}"), ("all identifiers", "all_recall", "{:.1%}"),
                            ("precision", "precision", "{:.1%}"), ("clinical facts kept", "facts_kept", "{:.2%}"),
                            ("detection notes/s", "notes_per_second", "{:.0f}"),
                            ("spans outside identifiers", "false_positives", "{}")):
        print(f"| {label} | " + " | ".join(fmt.format(r[key]) for r in reports.values()) + " |")


def print_report(report: dict) -> None:
    print(f"\n{report['notes']} notes; detection speed {report['notes_per_second']:.0f} notes/s\n")
    print("| identifier | annotated | recall |\n|---|---:|---:|")
    for kind, row in report["recall"].items():
        print(f"| {kind} | {row['planted']} | {row['recall']:.1%} |")
    print(f"| all names | | {report['name_recall']:.1%} |")
    print(f"| all identifiers | {report['identifiers']} | {report['all_recall']:.1%} |")
    print(f"\nprecision {report['precision']:.1%} ({report['false_positives']} spans outside planted identifiers)")
    print(f"clinical facts kept {report['facts_kept']:.2%} of {report['facts_checked']}")
    print("wrongly removed:", ", ".join(f"{w!r} x{n}" for w, n in report["wrongly_removed"]) or "none")


def print_speed(label: str, speed: dict) -> None:
    print(f"\n== {label} speed: a {speed['long_note_chars']:,}-character note in {speed['long_note_seconds']:.1f} s "
          f"({speed['long_note_cpu_seconds']:.1f} s CPU in this process); {speed['short_notes_per_second']:.0f} notes "
          f"of 300 characters per second ({speed['short_notes_per_cpu_second']:.0f} per CPU second)")
    if len(speed.get("long_note_seconds_each", [])) > 1:
        print("   the note timed again: " + ", ".join(f"{s:.2f}" for s in speed["long_note_seconds_each"]) + " s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="notes (at least 200 for a report)")
    parser.add_argument("--seed", type=int, default=3, help="3: the report seed; 1: the dev seed the recognizers were tuned on")
    parser.add_argument("--engine", action="append", default=None,
                        help="clinsum (default) or presidio (Presidio's pattern recognizers only), optionally "
                             "+SPACY_PIPELINE (an installed spaCy pipeline's NER added); repeat to compare")
    parser.add_argument("--source", action="append", default=None, choices=("generator", *HANDWRITTEN, "presidio-research"),
                        help="data to measure on (default: generator); repeat for several")
    parser.add_argument("--presidio-research", default=None,
                        help="path of presidio-research's data/synth_dataset_v2.json (the source is skipped without it)")
    parser.add_argument("--speed", action="store_true", help="time a 1 MB note and 300-character notes")
    parser.add_argument("--repeat", type=int, default=1,
                        help="with --speed, time the 1 MB note this many times in a row (the first is reported too)")
    parser.add_argument("--workers", type=int, default=1,
                        help="with --speed, also time a redactor with this many worker processes, in the same run")
    parser.add_argument("--min-score", type=float, default=None,
                        help="Presidio's score threshold (default: the redactor's, clinsum.privacy.detect.MIN_SCORE)")
    parser.add_argument("--show-misses", type=int, default=0,
                        help=f"print this many identifiers the last engine missed (on {', '.join(DEV_SOURCES)} only)")
    parser.add_argument("--json", default=None, help="write the report here too")
    parser.add_argument("--check-marks", nargs="+", metavar="FILE", default=None,
                        help="only check hand-annotated files against data/phi_annotation_guide.md's markup rules")
    args = parser.parse_args(argv)
    if args.check_marks:
        errors = [e for f in args.check_marks for e in mark_errors(Path(f))]
        print("\n".join(errors) or f"{len(args.check_marks)} file(s): the marks follow the guide")
        return 1 if errors else 0
    if args.min_score is not None:
        detect.MIN_SCORE = args.min_score
    sources = {}
    for source in args.source or ["generator"]:
        if source == "generator":
            sources[source] = make_phi_set(args.n, args.seed)
            print(f"generator seed {args.seed}: {name_overlap(sources[source]):.1%} of planted name words are in the "
                  "redactor's census name lists")
        elif source in HANDWRITTEN:
            sources[source] = load_handwritten(HANDWRITTEN[source])
        elif args.presidio_research and Path(args.presidio_research).exists():
            sources[source] = load_presidio_research(args.presidio_research)
        else:
            print("presidio-research: skipped (pass --presidio-research PATH to its synth_dataset_v2.json)")
    reports: dict = {}
    for engine in args.engine or ["clinsum"]:
        base, _, spacy_model = engine.partition("+")
        if base not in ("clinsum", "presidio"):
            parser.error(f"--engine {engine}: expected clinsum or presidio, optionally +SPACY_PIPELINE")
        redactor = PhiRedactor("tag", clinical=base == "clinsum", spacy_model=spacy_model or None)
        for source, rows in sources.items():
            reports[f"{engine} / {source}"] = report = evaluate(rows, redactor)
            print(f"\n== {engine} on {source}")
            print_report(report)
        if args.speed:
            speed = reports[f"{engine} / speed"] = measure_speed(redactor, args.seed, args.repeat)
            print_speed(engine, speed)
            if args.workers > 1:
                parallel = PhiRedactor("tag", clinical=base == "clinsum", spacy_model=spacy_model or None,
                                       workers=args.workers)
                label = f"{engine}, {args.workers} workers"
                reports[f"{label} / speed"] = faster = measure_speed(parallel, args.seed, args.repeat)
                parallel.close()
                print_speed(label, faster)
                print(f"   {args.workers} workers / 1: the 1 MB note "
                      f"{speed['long_note_seconds'] / faster['long_note_seconds']:.2f}x as fast, short notes "
                      f"{faster['short_notes_per_second'] / speed['short_notes_per_second']:.2f}x")
    quality = {k: r for k, r in reports.items() if "recall" in r}
    if len(quality) > 1:
        print_comparison(quality)
    if args.show_misses:
        shown = 0
        for source in DEV_SOURCES:
            for row in sources.get(source, []):
                found = [(s.start, s.end) for s in redactor.detector.find(row["note"])]
                for s, e, kind in row["spans"]:
                    if not _covered((s, e), found, row["note"]) and shown < args.show_misses:
                        shown += 1
                        print(f"MISS {source} {kind}: {row['note'][max(0, s - 40): s]!r} [[{row['note'][s:e]}]] "
                              f"{row['note'][e: e + 30]!r}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(reports, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
