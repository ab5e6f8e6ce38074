"""What tests and benchmarks share: a tiny random model to train in seconds, and the faithfulness checker's
paraphrase pairs (faithful rewordings it must not flag, and their one-fact-wrong twins it must flag).

Nothing in the package imports this module (tests/test_layers.py); it lives here so that benchmarks need not
reach into tests/.
"""

from __future__ import annotations

from pathlib import Path

CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_tiny_model(folder: Path, texts: list[str], chat: bool = True, seed: int = 0) -> Path:
    """A 2-layer Llama (~0.3M params) and a 600-token BPE tokenizer, both saved as a HF folder."""
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers, decoders
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    specials = ["<pad>", "<s>", "<|im_end|>", "<|im_start|>"]
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=specials,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(texts, trainer)
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", bos_token="<s>", eos_token="<|im_end|>")
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    tokenizer.save_pretrained(folder)
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=64, intermediate_size=128, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=1024,
        pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        tie_word_embeddings=True, initializer_range=0.2,  # large enough for logits to move far from uniform
    )
    LlamaForCausalLM(config).save_pretrained(folder, safe_serialization=True)
    return folder


# Faithful paraphrases the checker must not flag: lists and commas, "denies X, Y or Z", spoken numbers, lay
# words. Each summary says only what its note (often a dialogue) says, in other words.
PARAPHRASES = [
    # lists and commas
    ("He denies chest pain. Exam shows swelling of the right ankle.", "No chest pain, right ankle swelling."),
    ("Denies chest pain. Right ankle is swollen.", "Patient has no chest pain, right ankle swelling."),
    ("Doctor: Any fever, chills or night sweats?\nPatient: No.", "No fever, chills or night sweats."),
    ("Doctor: Any fever, chills or night sweats?\nPatient: No.", "No fever, chills, or night sweats."),
    ("Patient: I haven't had a fever. No chills. And no sweating at night either.",
     "She denies fever, chills and night sweats."),
    ("No nausea. She has been vomiting since yesterday.", "No nausea, vomiting since yesterday."),
    ("He has a cough. He denies fever.", "Cough, no fever."),
    ("Denies fever, chills or cough. Has left knee pain.", "No fever, chills or cough, left knee pain."),
    ("Doctor: Any headaches?\nPatient: No.\nDoctor: Dizziness?\nPatient: No.\nDoctor: Nausea?\nPatient: Yes, a bit.",
     "No headache or dizziness, some nausea."),
    ("She takes lisinopril and metformin. No allergies.", "Medications: lisinopril, metformin. No known allergies."),
    # "denies X, Y or Z"
    ("Doctor: Do you smoke or drink?\nPatient: No, never.", "Denies tobacco, alcohol or drug use."),
    ("Doctor: Any shortness of breath, chest pain or palpitations?\nPatient: No, none of that.",
     "Denies shortness of breath, chest pain, or palpitations."),
    ("Doctor: Any blood in your stool or black stools?\nPatient: No.", "He denies blood in the stool."),
    ("Doctor: Any burning when you pee?\nPatient: No.\nDoctor: Blood in the urine?\nPatient: No.",
     "Denies dysuria or hematuria."),
    ("Doctor: Any medication allergies?\nPatient: No.", "No known drug allergies."),
    # spoken numbers and ages
    ("Patient: I'm seventy six years old.", "A 76-year-old patient."),
    ("Patient: I'm twenty six.", "The patient is 26."),
    ("Patient: I've had this pain for about eight years now.", "Pain for the last 8 years."),
    ("Patient: It started two weeks ago.", "Symptoms began 14 days ago."),
    ("Patient: I take five hundred milligrams of metformin twice a day.", "Metformin 500 mg b.i.d."),
    ("Patient: My dad was eighty five and my mom eighty nine when they passed.",
     "Father died in his 80s and mother in her 80s."),
    ("Patient: My two younger brothers died in their seventies.", "Two brothers died in their 70s."),
    ("Patient: She weighed seven pounds three ounces at birth.", "Birth weight 7 pounds 3 ounces."),
    ("Patient: I had my son in August of two thousand eight.", "Her son was born in August 2008."),
    ("Doctor: Your heart rate was one twenty two per minute.", "Heart rate 122."),
    ("Patient: The pain is about a seven out of ten.", "Pain is 7/10."),
    # lay words
    ("Patient: My back hurts.", "Back pain."),
    ("Patient: I've been throwing up since last night.", "Vomiting since last night."),
    ("Patient: I get short of breath when I climb stairs.", "Dyspnea on exertion."),
    ("Patient: I have high blood pressure and sugar diabetes.", "History of hypertension and diabetes."),
    ("Patient: I had a heart attack two years ago.", "Myocardial infarction 2 years ago."),
    ("Patient: She's anemic and had her tubes ligated.", "Anemia. Tubal ligation."),
    ("Patient: I feel dizzy and lightheaded.", "Reports dizziness."),
    ("Patient: My stomach has been hurting.", "Abdominal pain."),
    ("Patient: I've been really tired lately.", "Fatigue."),
    ("Doctor: Any difficulty in hearing?\nPatient: No.", "Denies hearing loss."),
    ("Patient: I passed out at work.", "Syncope at work."),
    ("Patient: They took out my gallbladder ten years ago.", "Cholecystectomy 10 years ago."),
]

# Unfaithful twins of the paraphrases above: the same kind of wording, one fact wrong.
UNFAITHFUL_TWINS = [
    ("He denies chest pain. Exam shows swelling of the right ankle.", "Chest pain, no ankle swelling."),
    ("Doctor: Any fever, chills or night sweats?\nPatient: No.", "Reports chills."),
    ("Patient: My dad was eighty five.", "Father died in his 90s."),
    ("Patient: I'm seventy six years old.", "A 67-year-old patient."),
]
