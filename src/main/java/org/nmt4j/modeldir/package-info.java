/**
 * The model directory, the artefact between training and everything that uses a model: {@link
 * org.nmt4j.modeldir.ModelDirectory} reads, writes, scans, bundles and averages it; {@link
 * org.nmt4j.modeldir.TrainingConfig} is its {@code config.yaml} (how it was trained, by section, so the directory
 * describes itself) and {@link org.nmt4j.modeldir.TrainingSettings} the flat names options and the training page
 * give settings by; {@link org.nmt4j.modeldir.WeightsFile} holds its weights (float32 or float16);
 * {@link org.nmt4j.modeldir.TrainedModel} is a loaded model with its vocabularies and subwords. Serving and decoding
 * load models from here without going through {@code train/}.
 */
package org.nmt4j.modeldir;
